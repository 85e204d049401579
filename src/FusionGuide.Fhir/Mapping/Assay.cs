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

    /// <summary>Words only a liquid biopsy uses: plasma, its cell-free DNA and the tube it is drawn into (Streck).</summary>
    private static readonly string[] PlasmaWords = ["plasma", "cell-free", "cell free", "cfDNA", "ctDNA", "Streck"];

    /// <summary>
    /// Blood named alone ("Peripheral blood") and "liquid biopsy" mean plasma for a genomic test, but only after the tissue
    /// and cytology words: "FFPE tumor block, blood-stained", "Blood clot from bronchoscopy biopsy", "Bloody pleural
    /// fluid" and "Tissue (liquid biopsy negative)" are not plasma (their negatives would stop counting, their mutations
    /// stop being phased).
    /// </summary>
    private static readonly string[] BloodWords = ["blood", "liquid biopsy"];

    private static readonly string[] TissueWords = ["tissue", "tumor", "tumour", "biopsy", "FFPE", "resection"];

    private static readonly string[] CytologyWords = ["cytolog", "fluid"];

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

    /// <summary>
    /// The sample: the Observation's specimen, else the specimens of the report that lists it. A specimen may be contained
    /// (<c>#id</c>) or referenced by its identifier; one that cannot be found, or whose type is not one FusionGuide maps,
    /// is said once in a warning: a silently unknown sample loses the plasma-negative caveat and the tissue re-test.
    /// </summary>
    public static Sample? SampleOf(Observation o, string path, MappingContext ctx)
    {
        if (o.Specimen is { } own)
        {
            return SampleOf(own, o, $"{path}.specimen", ctx);
        }

        var (report, reportPath) = ctx.All<DiagnosticReport>().FirstOrDefault(r => r.Resource.Result.Any(x => ReferenceEquals(ctx.Resolve<Observation>(x, r.Resource), o)));
        var samples = report?.Specimen.Select((s, i) => SampleOf(s, report, $"{reportPath}.specimen[{i}]", ctx)).OfType<Sample>().Distinct().ToList() ?? [];

        // A tumour/normal report lists the blood of the normal beside the tumour: the finding is the tumour's.
        Sample? fromSpecimen = samples.Contains(Sample.Tissue) ? Sample.Tissue : samples.Count == 1 ? samples[0] : null;
        if (fromSpecimen is not null)
        {
            return fromSpecimen;
        }

        // No specimen at all: the test's own name may say it ("Tissue RNA NGS", "Plasma ctDNA panel"). A missing sample is
        // "not known" to the engine (a negative sequencing result is then not read as negative), so a named one is read,
        // and said.
        if (o.Specimen is null && report?.Specimen.Count is null or 0
            && SampleOf($"{Terminology.Words(o.Code)} {Terminology.Words(o.Method)} {Terminology.Words(report?.Code)}") is { } named)
        {
            ctx.WarnOnce($"{path} sample", path, $"no specimen is given: the test's sample is read as {Codes.Sample.Code(named)} from the test's name", WarningCodes.FhirAssumed);
            return named;
        }

        return null;
    }

    private static Sample? SampleOf(ResourceReference reference, DomainResource container, string path, MappingContext ctx)
    {
        var named = reference.Reference ?? (reference.Identifier?.Value is { } v ? $"with identifier {v}" : "(no reference)");
        if (ctx.Resolve<Specimen>(reference, container) is not { } specimen)
        {
            if (reference.Display is { Length: > 0 } display && SampleOf(display) is { } fromDisplay)
            {
                ctx.WarnOnce(named, path, $"the specimen {named} is not in the bundle: its sample is read as {Codes.Sample.Code(fromDisplay)} from the reference's display", WarningCodes.FhirAssumed);
                return fromDisplay;
            }

            ctx.WarnOnce(named, path, $"the specimen {named} is not in the bundle: the test's sample (tissue, cytology or plasma) is not known");
            return null;
        }

        var sample = SampleOf(specimen);
        if (sample is null)
        {
            ctx.WarnOnce($"{named} type", path, $"the specimen type {Terminology.Describe(specimen.Type)} is not one FusionGuide reads as tissue, cytology or plasma: the test's sample is not known");
        }

        return sample;
    }

    private static Sample? SampleOf(Specimen s)
    {
        var type = s.Type;
        return Terminology.Code(type, Terminology.SpecimenType) switch
        {
            "TUMOR" or "TISS" or "BX" or "BIOPSY" => Sample.Tissue,
            "PLAS" or "SER" or "BLD" or "BLDV" => Sample.Plasma,

            // A genomic test on blood is a liquid biopsy: its cell-free DNA is the contract's plasma sample.
            _ when Terminology.Has(type, Terminology.Snomed, "119361006") || Terminology.Has(type, Terminology.Snomed, "119297000") => Sample.Plasma,
            _ when Terminology.Has(type, Terminology.Snomed, "119376003") => Sample.Tissue,
            _ => SampleOf(Terminology.Words(type)),
        };
    }

    /// <summary>The sample a specimen's words name ("Peripheral blood", "cfDNA (Streck tube)", "FFPE tumor block"), or null.</summary>
    private static Sample? SampleOf(string words)
    {
        // "biopsy" is a tissue word, but not inside "liquid biopsy".
        var rest = words.Replace("liquid biopsy", " ", StringComparison.OrdinalIgnoreCase);
        return PlasmaWords.Any(t => Terminology.Mentions(words, t)) ? Sample.Plasma
            : TissueWords.Any(t => Terminology.Mentions(rest, t)) ? Sample.Tissue
            : CytologyWords.Any(t => Terminology.Mentions(rest, t)) ? Sample.Cytology
            : BloodWords.Any(t => Terminology.Mentions(words, t)) ? Sample.Plasma
            : null;
    }
}
