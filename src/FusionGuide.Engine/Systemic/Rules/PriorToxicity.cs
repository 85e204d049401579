using FusionGuide.Domain;
using FusionGuide.Engine.Safety;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-PAT-TOX-001: an adverse event of grade 2 or more on an earlier TKI weighs against a TKI whose own label has a rule
/// to hold, reduce or stop it for that event at that grade (the event may recur); the rationale names the event and the
/// label's action. Sources: the rule catalogue and the candidate's label rule.
/// </summary>
internal static class PriorToxicity
{
    public const string Id = "SYS-PAT-TOX-001";

    public static FactorFinding? For(PlanState p, Candidate c, Drug drug)
    {
        var findings = (
            from ae in p.E.Case.AdverseEvents
            where ae.Grade >= 2 && ae.Therapy is { } earlier && earlier != c.Therapy && p.IsTargeted(earlier)
            let decision = ToxicityAdvisor.Decide(p.E, c.Therapy, ae.Event, ae.Grade)
            where decision is { General: false } && decision.Action != ToxicityAction.Continue
            select (ae, decision)).DistinctBy(f => (f.ae.Therapy, f.ae.Event, f.ae.Grade)).ToList();
        if (findings.Count == 0)
        {
            return null;
        }

        var events = string.Join("; ", findings.Select(f =>
            $"grade {f.ae.Grade} {AdverseEventWords.Of(f.ae.Event)} on {p.Name(f.ae.Therapy!.Value)}; should it recur at that grade on {p.Name(c.Therapy)}, its label says to {Words(f.decision!.Action)}{Resolved(p, f.ae)}"));
        return new FactorFinding(1, $"prior toxicity: {events}", [.. findings.SelectMany(f => f.decision!.Rule.Provenance.Sources).Distinct()]);
    }

    /// <summary>
    /// For an event on the TKI the patient is taking or has just stopped (the latest in the history): the next TKI
    /// starts once it has resolved or improved, as every label's rule for restarting after it asks.
    /// </summary>
    private static string Resolved(PlanState p, AdverseEvent ae) =>
        p.E.Case.History.LastOrDefault(h => p.IsTargeted(h.Therapy))?.Therapy == ae.Therapy
            ? $"; start it once the {AdverseEventWords.Of(ae.Event)} has resolved or improved"
            : "";

    private static string Words(ToxicityAction action) => action switch
    {
        ToxicityAction.Hold => "withhold it",
        ToxicityAction.HoldThenReduce => "withhold it, then resume at a reduced dose",
        ToxicityAction.Reduce => "reduce the dose",
        _ => "stop it permanently",
    };
}
