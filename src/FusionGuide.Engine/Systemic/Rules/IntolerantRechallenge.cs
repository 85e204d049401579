using FusionGuide.Domain;
using FusionGuide.Engine.Safety;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-INTOL-002: a TKI stopped for intolerance is not used up when the event that stopped it is one its own label
/// manages by withholding or reducing the dose, not by stopping for good (lorlatinib's grade 3 mood effects or
/// hypertriglyceridaemia). When no other TKI is left for this progression (lorlatinib the only one active against
/// G1202R), the table's entry for it is offered again as a re-challenge once the event has resolved, at the dose its rule
/// gives, instead of sending the patient to chemotherapy. An intolerance that names no adverse event cannot be judged:
/// the plan says so (warning <c>intolerance-not-described</c>). Sources: the rule catalogue and the drug's label rule.
/// </summary>
internal static class IntolerantRechallenge
{
    public const string Id = "SYS-INTOL-002";

    public static void AddIfNoneLeft(PlanState p, Regimen? table, ProgressionPattern? pattern)
    {
        if (p.AnyPlacedTargetedOption)
        {
            return;
        }

        foreach (var stopped in p.H.Intolerant.Where(h => p.IsTargeted(h.Therapy) && p.E.Kb.Drug(h.Therapy).Targets.Contains(p.Kinase)).DistinctBy(h => h.Therapy))
        {
            // Resistance, progression or a label stop also rule it out: intolerance must be the only reason.
            if (p.Avoid.ReasonCount(stopped.Therapy) != 1 || p.H.Failed.Any(f => f.Therapy == stopped.Therapy))
            {
                continue;
            }

            var name = p.Name(stopped.Therapy);
            if (table is null || GuidelineTable.EntryFor(p, table, stopped.Therapy, pattern) is not { } found)
            {
                p.E.Fire(Id, $"{name} was stopped for intolerance, but no guideline table in force lists it for this setting: it is not offered again here.");
                continue;
            }

            var events = p.E.Case.AdverseEvents.Where(ae => ae.Therapy == stopped.Therapy).ToList();
            if (events.Count == 0)
            {
                var msg = $"{name} was stopped for intolerance{HistoryReader.Span(stopped)}, but no adverse event on it is recorded: if the event was one its label manages by withholding or reducing the dose rather than stopping for good, a re-challenge at a reduced dose may be the TKI left here. Record the event and its grade to have it judged.";
                p.E.Warn(WarningCodes.IntoleranceNotDescribed, msg);
                p.E.Fire(Id, msg);
                continue;
            }

            var decisions = events.Select(ae => (ae, decision: ae.Grade <= 4 ? ToxicityAdvisor.Decide(p.E, stopped.Therapy, ae.Event, ae.Grade) : null)).ToList();
            var final = decisions.FirstOrDefault(d => d.decision is null or { General: true } or { Action: ToxicityAction.Discontinue });
            if (final.ae is not null)
            {
                if (final.decision is { Action: ToxicityAction.Discontinue } stop)
                {
                    p.Avoid.Add(stopped.Therapy, $"its label says to stop it permanently for grade {final.ae.Grade} {AdverseEventWords.Of(final.ae.Event)}, as recorded on it", stop.Rule.Provenance.Sources);
                }

                p.E.Fire(Id, $"{name} was stopped for grade {final.ae.Grade} {AdverseEventWords.Of(final.ae.Event)}, which {(final.decision is { Action: ToxicityAction.Discontinue } ? "its label says to stop it for permanently" : "its label gives no specific rule for")}: it is not offered again.",
                    final.decision?.Rule.Provenance.Sources ?? []);
                continue;
            }

            // An event listed more than once recurred on it (SAFE-TOX-005): the label's recurrence rule, or the end of the
            // ladder, may stop it for good where each listing alone would not.
            if (ToxicityAdvisor.Recurrences(p.E, null).Where(r => r.Key.Item1 == stopped.Therapy)
                    .Select(r => (ev: r.Key.Item2, r.Value, why: ToxicityAdvisor.StopsOnRecurrence(p.E, stopped.Therapy, r.Value)))
                    .FirstOrDefault(r => r.why is not null) is { why: { } why } recurred)
            {
                p.Avoid.Add(stopped.Therapy, $"{AdverseEventWords.Of(recurred.ev)} recurred on it (listed {recurred.Value.All.Count} times): {why}", p.E.Kb.Toxicity(stopped.Therapy)?.Provenance.Sources);
                p.E.Fire(Id, $"{name} was stopped for {AdverseEventWords.Of(recurred.ev)} that recurred on it: {why}; it is not offered again.");
                continue;
            }

            Offer(p, stopped, decisions.Select(d => (d.ae, d.decision!)).ToList(), found.Entry, found.Order, table);
        }
    }

    /// <summary>
    /// True when a TKI stopped for intolerance could be given again at a reduced dose: every event recorded on it is one
    /// its label manages by withholding or reducing, none stops it for good (grade 5, a permanent-stop rule, or no
    /// specific rule). False when no event is recorded: then nothing says it could.
    /// </summary>
    public static bool CouldBeGivenAgain(PlanState p, Therapy therapy)
    {
        var events = p.E.Case.AdverseEvents.Where(ae => ae.Therapy == therapy).ToList();
        return events.Count > 0 && events.All(ae => ae.Grade <= 4 && ToxicityAdvisor.Decide(p.E, therapy, ae.Event, ae.Grade) is { General: false } d && d.Action != ToxicityAction.Discontinue);
    }

    private static string Managing(ToxicityAction action) => action switch
    {
        ToxicityAction.Continue => "continuing it at the same dose",
        ToxicityAction.Hold => "withholding it",
        ToxicityAction.HoldThenReduce => "withholding it, then resuming at a reduced dose",
        _ => "reducing the dose",
    };

    private static void Offer(PlanState p, HistoryEntry stopped, List<(AdverseEvent Event, ToxicityDecision Decision)> events, RegimenEntry entry, int order, Regimen table)
    {
        var name = p.Name(stopped.Therapy);
        p.Avoid.Remove(stopped.Therapy);
        var c = GuidelineTable.FromEntry(p, entry, order, table);
        var what = string.Join("; ", events.Select(x => $"grade {x.Event.Grade} {AdverseEventWords.Of(x.Event.Event)}, which its label manages by {Managing(x.Decision.Action)} rather than stopping it for good"));
        c.Notes.Add($"a re-challenge after intolerance: {name} was stopped{HistoryReader.Span(stopped)} for {what}; no other {p.KinaseCode} TKI is left for this progression, so it is offered again once the event has resolved to grade 1 or less, at the dose the dosing row gives");
        c.Cite(events.SelectMany(x => x.Decision.Rule.Provenance.Sources));
        p.Candidates.Add(c);
        CandidateFilters.Apply(p, [c]);
        var offered = p.Candidates.Contains(c);
        p.E.Fire(Id, offered
            ? $"{name}: stopped for intolerance ({string.Join("; ", events.Select(x => $"grade {x.Event.Grade} {AdverseEventWords.Of(x.Event.Event)}: {x.Decision.Action.Code()}"))}), an event its label manages without stopping it for good; no other TKI is left, so the table's entry for it ({c.Placement}) is offered again as a re-challenge."
            : $"{name}: its intolerance would allow a re-challenge, but another filter rules it out.",
            [.. events.SelectMany(x => x.Decision.Rule.Provenance.Sources).Distinct()]);
    }
}
