using FusionGuide.Domain;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Observation → variants and fusions (Genomics Reporting), tumour markers (IHC, FISH, PD-L1), ECOG, smoking status
/// and the TNM stage group. Laboratory interpretations (therapeutic/diagnostic implications, TMB, MSI) are reported
/// as skipped: FusionGuide draws its own conclusions from the findings.
/// </summary>
internal static class ObservationMapper
{
    private const string Ecog = "89247-1";
    private const string SmokingStatus = "72166-2";
    private static readonly string[] StageGroupLoinc = ["21908-9", "21902-2", "21914-7"];
    private static readonly string[] StageGroupSnomed = ["399537006", "399588009", "399390009"];
    private static readonly string[] Interpretations = ["therapeutic-implication", "diagnostic-implication", "molecular-consequence", "overall-interpretation", "genotype", "haplotype"];
    private static readonly string[] OtherGenomic = ["94076-7", "81695-9", "51968-6", "53041-0", "84413-4", "84414-2", "82120-7"];

    public static void Map(Observation o, string path, MappingContext ctx)
    {
        if (o.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled)
        {
            ctx.Warn($"{path}.status", $"an Observation with status {o.Status} was not read");
            return;
        }

        if (ResultLifecycle.WhyNotRead(o, ctx) is { } why)
        {
            ctx.Warn($"{path}.status", why);
            return;
        }

        var findings = ctx.Draft.Findings.Count;
        Read(o, path, ctx);

        // The lifecycle check above let it stand, so no final result replaces it: a preliminary genomic report can
        // still change (a fusion called on a first pass withdrawn), and a TKI should not start on it unconfirmed.
        if (ctx.Draft.Findings.Count > findings && o.Status is ObservationStatus.Preliminary or ObservationStatus.Registered)
        {
            ctx.Warn($"{path}.status", $"this test result is {o.Status?.GetLiteral()}, and no final result of the same test replaces it: it is read, but confirm it against the final report before starting a TKI", WarningCodes.PreliminaryResult);
        }
    }

    private static void Read(Observation o, string path, MappingContext ctx)
    {
        if (Terminology.Has(o.Code, Terminology.Loinc, VariantReader.VariantCode))
        {
            VariantReader.Read(o, path, ctx);
        }
        else if (Interpretations.Any(c => Terminology.Has(o.Code, Terminology.GrTbd, c)) || OtherGenomic.Any(c => Terminology.Has(o.Code, Terminology.Loinc, c)))
        {
            var drugs = o.Component.Where(c => Terminology.Has(c.Code, Terminology.Loinc, "51963-7")).Select(c => MedicationCodes.Name(c.Value as CodeableConcept, ctx.Kb)).OfType<string>().ToList();
            var about = drugs.Count > 0 ? $" (about {string.Join(", ", drugs)})" : "";
            ctx.Warn($"{path}.code", $"{Terminology.Describe(o.Code)}{about} is a laboratory interpretation or signature FusionGuide does not use: it draws its own conclusions from the findings");
        }
        else if (Terminology.Has(o.Code, Terminology.Loinc, Ecog))
        {
            ReadEcog(o, path, ctx);
        }
        else if (Terminology.Has(o.Code, Terminology.Loinc, SmokingStatus))
        {
            ReadSmoking(o, path, ctx);
        }
        else if (StageGroupLoinc.Any(c => Terminology.Has(o.Code, Terminology.Loinc, c)) || StageGroupSnomed.Any(c => Terminology.Has(o.Code, Terminology.Snomed, c)))
        {
            ReadStage(o, path, ctx);
        }
        else if (MarkerReader.IsMarker(o))
        {
            MarkerReader.Read(o, path, ctx);
        }
        else
        {
            ctx.Warn($"{path}.code", $"Observation {Terminology.Describe(o.Code)} is not one FusionGuide reads");
        }
    }

    private static void ReadEcog(Observation o, string path, MappingContext ctx)
    {
        int? score = o.Value switch
        {
            Integer i => i.Value,
            Quantity q when q.Value is { } v && v == decimal.Truncate(v) => (int)v,
            CodeableConcept cc => EcogAnswer(cc),
            _ => null,
        };
        if (score is null or < 0 or > 4)
        {
            ctx.Warn($"{path}.value[x]", "the ECOG performance status could not be read as 0–4: not used");
            return;
        }

        ctx.Draft.Ecog = Dated<int>.Latest(ctx.Draft.Ecog, new(score.Value, FhirDates.Earliest(ObservationDates.Effective(o))));
    }

    /// <summary>LOINC LL529-9 answers (LA9622-7 = 0 … LA9626-8 = 4), or a bare digit.</summary>
    private static int? EcogAnswer(CodeableConcept cc)
    {
        string[] answers = ["LA9622-7", "LA9623-5", "LA9624-3", "LA9625-0", "LA9626-8"];
        var i = Array.FindIndex(answers, a => Terminology.Has(cc, Terminology.Loinc, a));
        return i >= 0 ? i : cc.Coding.Select(c => int.TryParse(c.Code, out var n) ? n : (int?)null).FirstOrDefault(n => n is not null);
    }

    private static void ReadSmoking(Observation o, string path, MappingContext ctx)
    {
        var cc = o.Value as CodeableConcept;
        var code = Terminology.Code(cc, Terminology.Snomed);
        Smoking? s = code switch
        {
            "266919005" => Smoking.Never,
            "8517006" => Smoking.Former,
            "77176002" or "449868002" or "428041000124106" or "428071000124103" or "428061000124105" => Smoking.Current,
            "266927001" => Smoking.Unknown,
            _ => null,
        };
        if (s is null)
        {
            ctx.Warn($"{path}.valueCodeableConcept", $"smoking status {Terminology.Describe(cc)} is not a code FusionGuide maps");
            return;
        }

        ctx.Draft.Smoking = Dated<Smoking>.Latest(ctx.Draft.Smoking, new(s.Value, FhirDates.Earliest(ObservationDates.Effective(o))));
    }

    private static void ReadStage(Observation o, string path, MappingContext ctx)
    {
        var stage = CancerCodes.StageOf(o.Value as CodeableConcept);
        if (stage is null)
        {
            ctx.Warn($"{path}.valueCodeableConcept", $"stage group {Terminology.Describe(o.Value as CodeableConcept)} is not an AJCC stage FusionGuide maps");
            return;
        }

        ctx.Draft.StageObservations.Add((o, path, stage.Value));
    }
}
