using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>
/// DX-BYPASS-001: a positive test of another gene (MET, EGFR, KRAS, BRAF) taken at progression on an ALK/ROS1 TKI is a
/// bypass finding, not a second driver at diagnosis. Where the contract's alteration list names what the test shows, it
/// is read as that alteration (MET FISH positive is "MET amplification"), as if the laboratory had reported it on the
/// kinase's test; where it does not (an EGFR mutation, a MET NGS result that does not say amplification, exon 14 or
/// fusion), the result says so instead of dropping it silently. Sources: the rule catalogue.
/// </summary>
internal static class ProgressionBypass
{
    /// <summary>The contract's alterations the positive progression tests of other genes show.</summary>
    public static IReadOnlyList<string> Read(Evaluation e, IReadOnlyList<TestCall> progression)
    {
        var read = new List<string>();
        foreach (var c in progression.Where(c => c.Kind == CallKind.Positive && c.Gene is not (Gene.Alk or Gene.Ros1 or Gene.PdL1)))
        {
            var gene = Codes.Gene.Code(c.Gene);
            if (Shows(c.Test) is { } alteration)
            {
                read.Add(alteration);
                e.Fire(RuleIds.ProgressionBypass, $"{c.Subject}, taken at progression: read as the bypass alteration '{alteration}'.");
                continue;
            }

            var found = c.Test.Mutations.Count > 0 ? $"{gene} {string.Join(", ", c.Test.Mutations)}" : $"{gene} positive";
            var msg = $"{c.Subject}, taken at progression, is positive ({found}): an acquired bypass alteration that FusionGuide's resistance rules do not read from this test, so it has not shaped the options. If it is one of the listed alterations (MET amplification, EGFR amplification, KRAS mutation, BRAF V600E, …), enter it in the kinase test's alterations; otherwise discuss it at a molecular tumour board (combinations with the ALK/ROS1 TKI are reported in case series and trials only).";
            e.WarnDiagnosis(WarningCodes.BypassNotRead, msg);
            e.Fire(RuleIds.ProgressionBypass, msg);
        }

        return read;
    }

    /// <summary>The listed alteration a positive test of this gene and method shows, or null when the test does not say.</summary>
    private static string? Shows(BiomarkerTest t) => (t.Gene, t.Method) switch
    {
        // FISH counts copies: a positive MET or EGFR FISH is an amplification.
        (Gene.Met, TestMethod.Fish) => "MET amplification",
        (Gene.Egfr, TestMethod.Fish) => "EGFR amplification",
        // The list names KRAS by gene ("KRAS mutation") and BRAF by its one variant.
        (Gene.Kras, _) => "KRAS mutation",
        (Gene.Braf, _) when t.Mutations.Any(m => string.Equals(m, "V600E", StringComparison.OrdinalIgnoreCase)) => "BRAF V600E",
        _ => null,
    };
}
