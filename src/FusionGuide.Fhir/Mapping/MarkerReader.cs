using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Reads an mCODE tumour-marker test (IHC or FISH of a contract gene) and PD-L1 tumour proportion score
/// (LOINC 83053-9, or a PD-L1 Observation valued in %). Positive/negative answers may be LOINC, SNOMED CT or
/// v3 interpretation codes.
/// </summary>
internal static class MarkerReader
{
    public const string PdL1Tps = "83053-9";

    public static bool IsMarker(Observation o) =>
        o.Meta?.Profile.Any(p => p is not null && p.Contains("tumor-marker", StringComparison.Ordinal)) == true
        || GeneSymbols.InText(Terminology.Words(o.Code)) is not null && Assay.Method(o) is TestMethod.Ihc or TestMethod.Fish
        || Terminology.Has(o.Code, Terminology.Loinc, PdL1Tps);

    public static void Read(Observation o, string path, MappingContext ctx)
    {
        var gene = Terminology.Has(o.Code, Terminology.Loinc, PdL1Tps) ? Gene.PdL1 : GeneSymbols.InText(Terminology.Words(o.Code));
        if (gene is null)
        {
            ctx.Warn($"{path}.code", $"tumour marker {Terminology.Describe(o.Code)} is not a gene FusionGuide reads: not used");
            return;
        }

        var method = Assay.Method(o) ?? (gene == Gene.PdL1 ? TestMethod.Ihc : null);
        if (method is null)
        {
            ctx.Warn($"{path}.method", $"the {Codes.Gene.Code(gene.Value)} marker names no method (IHC or FISH): not read");
            return;
        }

        var f = new Finding
        {
            Path = path, Symbol = Codes.Gene.Code(gene.Value), Gene = gene, Method = method.Value,
            Sample = Assay.SampleOf(o, path, ctx), Date = FhirDates.DatePart(ObservationDates.Effective(o)),
            IhcClone = method == TestMethod.Ihc ? Assay.CloneOf(o) : null,
        };
        f = o.Value switch
        {
            Quantity q when IsPercent(q) && gene == Gene.PdL1 => f with { Tps = (double?)q.Value },
            Quantity q when IsPercent(q) && method == TestMethod.Fish => f with { PercentRearrangedCells = (double?)q.Value },
            Quantity q when IsPercent(q) => f with { PercentStainedCells = (double?)q.Value },
            CodeableConcept cc => Answer(cc, $"{path}.valueCodeableConcept", f, ctx),
            _ => f with { Result = Interpretation(o) },
        };
        f = Components(o, path, f, ctx);
        if (f.Result is null && f.Tps is null && f.PercentRearrangedCells is null && f.PercentStainedCells is null && f.Intensity is null)
        {
            ctx.Warn($"{path}.value[x]", $"the {f.Symbol} {Codes.TestMethod.Code(f.Method)} result could not be read");
            return;
        }

        ctx.Draft.Findings.Add(f);
    }

    private static Finding Answer(CodeableConcept cc, string path, Finding f, MappingContext ctx)
    {
        var r = Result(cc);
        if (r is null)
        {
            ctx.Warn(path, $"the answer {Terminology.Describe(cc)} does not say positive, negative, equivocal or failed, or its code and words disagree: not read");
        }

        return f with { Result = r };
    }

    /// <summary>
    /// Positive / negative / equivocal / failed from LOINC, SNOMED CT or v3 interpretation codes, or, when no coding is
    /// one FusionGuide knows, from the words. A known code decides; words that contradict it ("Negative" coded, "positive"
    /// in the text) leave the answer unread rather than choose, and words are read with their negations
    /// (<see cref="FreeText"/>): "no ALK rearrangement detected" is negative. Null when nothing can be read safely.
    /// </summary>
    public static TestResult? Result(CodeableConcept? cc)
    {
        if (cc is null)
        {
            return null;
        }

        var codes = cc.Coding.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var coded = new[]
        {
            codes.Overlaps(PositiveCodes) ? TestResult.Positive : (TestResult?)null,
            codes.Overlaps(NegativeCodes) ? TestResult.Negative : null,
            codes.Overlaps(EquivocalCodes) ? TestResult.Equivocal : null,
        }.OfType<TestResult>().ToList();
        var worded = FromWords(Terminology.Words(cc));
        if (coded.Count > 1)
        {
            return null;
        }

        if (coded.Count == 1)
        {
            // The text may add detail ("Negative - no ALK protein expression detected") but must not say the opposite.
            return worded is { } w && w != coded[0] && (w, coded[0]) is (TestResult.Positive, TestResult.Negative) or (TestResult.Negative, TestResult.Positive) ? null : coded[0];
        }

        return worded;
    }

    private static readonly string[] PositiveCodes = ["LA6576-8", "10828004", "POS", "A", "LA9633-4"];
    private static readonly string[] NegativeCodes = ["LA6577-6", "260385009", "NEG", "N", "LA9634-2", "260415000"];
    private static readonly string[] EquivocalCodes = ["42425007", "IND", "EQV"];

    /// <summary>
    /// The result the words state, reading negations: a failed or equivocal statement first, then positive and negative
    /// cues; both at once ("positive ... not detected") is no answer.
    /// </summary>
    private static TestResult? FromWords(string text)
    {
        var words = FreeText.WithoutControls(text);
        if (FreeText.Affirms(words, FreeText.Scope.Sentence, "fail", "insufficient", "no call", "QNS"))
        {
            return TestResult.Failed;
        }

        if (FreeText.Affirms(words, FreeText.Scope.Sentence, "equivocal", "indeterminate", "borderline"))
        {
            return TestResult.Equivocal;
        }

        var negative = FreeText.Affirms(words, FreeText.Scope.Sentence, "negative", "undetected", "absent") || FreeText.Negates(words, FreeText.Scope.Sentence, "detected", "positive", "present", "identified", "found");
        var positive = FreeText.Affirms(words, FreeText.Scope.Sentence, "positive", "detected", "present", "identified");
        return (positive, negative) switch
        {
            (true, false) => TestResult.Positive,
            (false, true) => TestResult.Negative,
            _ => null,
        };
    }

    private static TestResult? Interpretation(Observation o) =>
        o.DataAbsentReason is not null ? TestResult.Failed : o.Interpretation.Select(Result).FirstOrDefault(r => r is not null);

    /// <summary>
    /// Staining intensity, cells scored and percentages from the components. A component FusionGuide does not read is
    /// named in a warning, never dropped in silence: it may carry what the result depends on (e.g. an H-score).
    /// </summary>
    private static Finding Components(Observation o, string path, Finding f, MappingContext ctx)
    {
        for (var i = 0; i < o.Component.Count; i++)
        {
            var c = o.Component[i];
            var words = Terminology.Words(c.Code);
            var read = c.Value switch
            {
                Integer n when Terminology.Mentions(words, "intensity") => f with { Intensity = n.Value },
                Quantity q when Terminology.Mentions(words, "intensity") => f with { Intensity = (int?)q.Value },
                Integer n when Terminology.Mentions(words, "nuclei") || Terminology.Mentions(words, "cells scored") => f with { CellsScored = n.Value },
                Quantity q when Terminology.Mentions(words, "nuclei") || Terminology.Mentions(words, "cells scored") => f with { CellsScored = (int?)q.Value },
                Quantity q when IsPercent(q) && f.Method == TestMethod.Fish => f with { PercentRearrangedCells = (double?)q.Value },
                Quantity q when IsPercent(q) && f.Gene == Gene.PdL1 => f with { Tps = (double?)q.Value },
                Quantity q when IsPercent(q) => f with { PercentStainedCells = (double?)q.Value },
                _ => null,
            };
            if (read is null)
            {
                ctx.Warn($"{path}.component[{i}]", $"the {f.Symbol} {Codes.TestMethod.Code(f.Method)} component {Terminology.Describe(c.Code)} is not read (FusionGuide reads staining intensity, cells scored and percentages): check it by hand");
                continue;
            }

            f = read;
        }

        return f;
    }

    private static bool IsPercent(Quantity q) => q.Code == "%" || q.Unit == "%";
}
