using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>
/// DX-NGS-004: a diagnostic DNA or RNA test of ALK or ROS1 reported "positive" that names no fusion partner and
/// reports only kinase mutations or other alterations (F1174L, R1275Q, an amplification) has found something other
/// than a rearrangement: a point mutation or copy gain of the kinase is not a fusion, and the ALK and ROS1 TKIs are
/// approved for fusions. The call is made equivocal so that the gene is settled by a test that reads the fusion
/// (RNA NGS, or ALK IHC) before a TKI is chosen. A patient already treated with a TKI against the gene is left alone: their
/// fusion was established before, and a test like this is a progression sample whose timing was not given (DX-TIMING-001
/// says so).
/// </summary>
internal static class KinaseFindingNotFusion
{
    public static List<TestCall> Review(Evaluation e, List<TestCall> calls) =>
        [.. calls.Select(c => NotAFusion(e, c) ? Reread(e, c) : c)];

    private static bool NotAFusion(Evaluation e, TestCall c) =>
        c.Kind == CallKind.Positive && c.Gene is Gene.Alk or Gene.Ros1 &&
        c.Test.Method is TestMethod.NgsDna or TestMethod.NgsRna or TestMethod.RtPcr &&
        c.Test.EffectiveTiming == TestTiming.Diagnosis && c.Test.FusionPartner is null &&
        c.Test.Mutations.Count + c.Test.Alterations.Count > 0 &&
        !e.TkiGivenAgainst(c.Gene);

    private static TestCall Reread(Evaluation e, TestCall c)
    {
        var gene = Codes.Gene.Code(c.Gene);
        var found = string.Join(", ", c.Test.Mutations.Concat(c.Test.Alterations));
        var confirm = c.Gene == Gene.Alk ? "RNA NGS or ALK IHC (D5F3 or 5A4)" : "RNA NGS";
        var msg = $"{c.Subject} is reported positive, but it names no fusion partner and reports only {found}: a mutation or copy gain of the {gene} kinase is not a rearrangement, and the {gene} TKIs are for fusions; the test is not used to call {gene} until a fusion is confirmed ({confirm}; ask the laboratory whether a fusion was found)";
        e.WarnDiagnosis(WarningCodes.KinaseFindingNotFusion, $"{msg}.");
        // Trace id DX-NGS-004 (RuleIds.KinaseFindingNotFusion) is written here; its sources: knowledge/rules/DX-NGS-004.json.
        e.Fire(RuleIds.KinaseFindingNotFusion, $"{msg}.");
        return c with { Kind = CallKind.Equivocal, Explanation = $"{found} without a fusion: not a rearrangement until one is confirmed" };
    }
}
