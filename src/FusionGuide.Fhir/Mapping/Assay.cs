using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>Reads how a test was done (method, IHC clone) and on what (specimen) from an Observation.</summary>
internal static class Assay
{
    /// <summary>LOINC LL4048-6 answer "Sequencing".</summary>
    public const string Sequencing = "LA26398-0";

    /// <summary>SNOMED CT "Immunohistochemistry procedure".</summary>
    public const string Immunohistochemistry = "117617002";

    /// <summary>The method named by the Observation's method or code, or null when neither names one.</summary>
    public static TestMethod? Method(Observation o)
    {
        var words = $"{Terminology.Words(o.Method)} {Terminology.Words(o.Code)}";
        if (Terminology.Has(o.Method, Terminology.Snomed, Immunohistochemistry) || Terminology.Mentions(words, "IHC") || Terminology.Mentions(words, "immun"))
        {
            return TestMethod.Ihc;
        }

        if (Terminology.Mentions(words, "FISH") || Terminology.Mentions(words, "in situ hybridi"))
        {
            return TestMethod.Fish;
        }

        if (Terminology.Mentions(words, "RT-PCR") || Terminology.Mentions(words, "reverse transcri"))
        {
            return TestMethod.RtPcr;
        }

        var sequencing = Terminology.Has(o.Method, Terminology.Loinc, Sequencing) || Terminology.Mentions(words, "sequencing") || Terminology.Mentions(words, "NGS");
        if (sequencing)
        {
            return Terminology.Mentions(words, "RNA") ? TestMethod.NgsRna : TestMethod.NgsDna;
        }

        return null;
    }

    /// <summary>The IHC clone named in the method, code or device words, or null.</summary>
    public static Clone? CloneOf(Observation o)
    {
        var words = $"{Terminology.Words(o.Method)} {Terminology.Words(o.Code)}".ToUpperInvariant();
        foreach (var code in Codes.Clone.Codes.Where(c => c != "other"))
        {
            if (words.Contains(code, StringComparison.Ordinal))
            {
                return Codes.Clone.Parse(code);
            }
        }

        return null;
    }

    /// <summary>The sample: the Observation's specimen, else the specimens of the report that lists it.</summary>
    public static Sample? SampleOf(Observation o, MappingContext ctx)
    {
        if (ctx.Resolve<Specimen>(o.Specimen) is { } own)
        {
            return SampleOf(own);
        }

        var report = ctx.All<DiagnosticReport>().Select(r => r.Resource)
            .FirstOrDefault(r => r.Result.Any(x => ctx.Resolve<Observation>(x) == o));
        var samples = report?.Specimen.Select(ctx.Resolve<Specimen>).OfType<Specimen>().Select(SampleOf).OfType<Sample>().Distinct().ToList() ?? [];

        // A tumour/normal report lists the blood of the normal beside the tumour: the finding is the tumour's.
        return samples.Contains(Sample.Tissue) ? Sample.Tissue : samples.Count == 1 ? samples[0] : null;
    }

    private static Sample? SampleOf(Specimen s)
    {
        var type = s.Type;
        var v2 = Terminology.Code(type, Terminology.SpecimenType);
        var words = Terminology.Words(type);
        return v2 switch
        {
            "TUMOR" or "TISS" or "BX" or "BIOPSY" => Sample.Tissue,
            "PLAS" or "SER" or "BLD" or "BLDV" => Sample.Plasma,
            _ when Terminology.Has(type, Terminology.Snomed, "119361006") || Terminology.Mentions(words, "plasma") || Terminology.Mentions(words, "cell-free") => Sample.Plasma,
            _ when Terminology.Has(type, Terminology.Snomed, "119376003") || Terminology.Mentions(words, "tissue") || Terminology.Mentions(words, "tumor") || Terminology.Mentions(words, "biopsy") => Sample.Tissue,
            _ when Terminology.Mentions(words, "cytolog") || Terminology.Mentions(words, "fluid") => Sample.Cytology,
            _ => null,
        };
    }
}
