using FusionGuide.Domain;
using FusionGuide.Engine.Diagnosis;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Systemic;

/// <summary>
/// Setting, line, ranked options and drugs to avoid (review §3 and §5; NCCN/ESMO tables; resistance data),
/// all read from the knowledge base.
/// </summary>
internal static class SystemicStage
{
    /// <summary>SYS-SCOPE-001: the driver is neither ALK nor ROS1 (or none was found): outside FusionGuide's scope.</summary>
    public const string OutsideScopeId = "SYS-SCOPE-001";

    /// <summary>SYS-SCOPE-002: no driver is established yet: no systemic recommendation until the next tests report.</summary>
    public const string DiagnosticWorkupId = "SYS-SCOPE-002";

    public static SystemicOutcome Run(Evaluation e, DiagnosisFindings dx, TreatmentHistory h)
    {
        var outcome = Decide(e, dx, h);
        // Trace id SET-SETTING-001 (RuleIds.Setting) is written here; its sources: knowledge/rules/SET-SETTING-001.json.
        e.Fire(RuleIds.Setting, $"Setting: {Codes.Setting.Code(outcome.Setting)}{(outcome.Line is { } line ? $", line {line}" : "")}{(outcome.FirstChoice is { } first ? $"; first choice {e.Name(first)}" : "; no systemic option")}.");
        return outcome;
    }

    private static SystemicOutcome Decide(Evaluation e, DiagnosisFindings dx, TreatmentHistory h)
    {
        if (dx.Driver is Driver.Other or Driver.None)
        {
            return NonTargeted(e, dx, h);
        }

        if (dx.Driver == Driver.Indeterminate)
        {
            return Workup(e, h);
        }

        var kinase = dx.Driver == Driver.Alk ? Gene.Alk : Gene.Ros1;
        CheckHistoryAgainstDriver(e, dx, h, kinase);
        return SystemicPlan.Decide(new PlanState(e, dx, h, kinase));
    }

    private static SystemicOutcome NonTargeted(Evaluation e, DiagnosisFindings dx, TreatmentHistory h)
    {
        var other = dx.Genes.Where(g => g.Value == GeneStatus.Positive && g.Key is not (Gene.Alk or Gene.Ros1 or Gene.PdL1)).Select(g => Codes.Gene.Code(g.Key)).ToList();
        var what = dx.Driver == Driver.Other
            ? $"The driver is {string.Join(", ", other)}, not ALK or ROS1: follow the {string.Join("/", other)} pathway of the NSCLC guideline; FusionGuide gives no ALK/ROS1 advice here."
            : "No targetable driver was found on adequate testing: follow the general NSCLC pathway (PD-L1, histology, performance status); FusionGuide gives no ALK/ROS1 advice here.";
        e.Warn(WarningCodes.OutsideScope, what);
        e.Fire(OutsideScopeId, what);
        if (h.TargetedExposure.Count > 0)
        {
            HistoryReader.Inconsistent(e, $"ALK/ROS1 TKIs ({string.Join(", ", h.TargetedExposure.Select(e.Name))}) appear in the history, but the tests show no ALK or ROS1 rearrangement.");
        }

        return new SystemicOutcome(Setting.NonTargeted, h.Line, [], []);
    }

    private static SystemicOutcome Workup(Evaluation e, TreatmentHistory h)
    {
        const string what = "No driver is established yet: no systemic recommendation until the next tests report. If the disease needs treatment before then, that is a general NSCLC decision.";
        e.Fire(DiagnosticWorkupId, what);
        if (h.TargetedExposure.Count > 0)
        {
            HistoryReader.Inconsistent(e, $"TKIs ({string.Join(", ", h.TargetedExposure.Select(e.Name))}) appear in the history, but no ALK or ROS1 rearrangement is established by the tests.");
        }

        return new SystemicOutcome(Setting.DiagnosticWorkup, null, [], Rules.Immunotherapy.BeforeDriverResult(e, h));
    }

    private static void CheckHistoryAgainstDriver(Evaluation e, DiagnosisFindings dx, TreatmentHistory h, Gene kinase)
    {
        var code = Codes.Gene.Code(kinase);
        foreach (var t in h.TargetedExposure.Where(t => !e.Kb.Drug(t).Targets.Contains(kinase)))
        {
            HistoryReader.Inconsistent(e, $"{e.Name(t)} is in the history, but it has no activity against {code}, the driver the tests establish.");
        }

        var otherKinase = kinase == Gene.Alk ? Gene.Ros1 : Gene.Alk;
        if (e.Case.Tests.Any(t => t.EffectiveTiming == TestTiming.Progression && t.Gene == otherKinase && t.Mutations.Count > 0))
        {
            HistoryReader.Inconsistent(e, $"A progression test reports {Codes.Gene.Code(otherKinase)} kinase mutations, but the driver is {code}.");
        }

        if (dx.ResistanceMutations.Count > 0 && h.TargetedExposure.Count == 0)
        {
            HistoryReader.Inconsistent(e, "Resistance mutations are reported at progression, but no TKI appears in the history.");
        }

        foreach (var ae in e.Case.AdverseEvents.Where(a => a.Therapy is { } t && !e.Case.History.Any(x => x.Therapy == t)))
        {
            HistoryReader.Inconsistent(e, $"An adverse event is attributed to {e.Name(ae.Therapy!.Value)}, which is not in the history.");
        }
    }
}
