using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>
/// The label rule that answers one event at one grade, whether it is the event's own rule or the label's general one,
/// and the action and resumption that apply to this case (the rule's co-medication branch when the case lists a
/// contributing medication).
/// </summary>
internal sealed record ToxicityDecision(ToxicityRule Rule, bool General)
{
    public ToxicityAction Action { get; init; } = Rule.Action;

    public Resume Resume { get; init; } = Rule.Resume;

    /// <summary>The branch's own dose, when the label names one instead of the next level down.</summary>
    public string? Dose { get; init; }

    /// <summary>How the co-medication branch was read, for the row's text; empty for a rule without one.</summary>
    public string Branch { get; init; } = "";

    /// <summary>
    /// For the general rule: the grades at which the label does name the event (crizotinib's visual loss at grade 4,
    /// lorlatinib's hypertension at grades 3-4), so the row does not say the label is silent about it; empty when it is.
    /// </summary>
    public IReadOnlyList<int> EventNamedAt { get; init; } = [];
}

/// <summary>Finds the label's rule for an adverse event (shared by the toxicity stage and the systemic stage).</summary>
internal static class ToxicityAdvisor
{
    public static ToxicityDecision? Decide(Evaluation e, Therapy therapy, AdverseEventCode ev, int grade)
    {
        if (grade is < 1 or > 4 || e.Kb.Toxicity(therapy) is not { } table)
        {
            return null;
        }

        var rules = table.Rules.Where(r => r.Validity.Contains(e.AsOf) && r.Grades.Contains(grade)).ToList();
        var own = rules.FirstOrDefault(r => r.Event == ev);
        if (own is not null)
        {
            return WithComedication(e, new ToxicityDecision(own, General: false));
        }

        var general = rules.FirstOrDefault(r => r.Event == AdverseEventCode.Other);
        var namedAt = table.Rules
            .Where(r => r.Validity.Contains(e.AsOf) && r.Event == ev && ev != AdverseEventCode.Other)
            .SelectMany(r => r.Grades)
            .Distinct()
            .Order()
            .ToList();
        return general is null
            ? null
            : WithComedication(e, new ToxicityDecision(general, General: ev != AdverseEventCode.Other) { EventNamedAt = namedAt });
    }

    /// <summary>
    /// A rule that depends on a contributing co-medication reads the case's medications: a listed member of one of
    /// its classes selects the branch; an empty list (or none of those classes) means no contributing co-medication.
    /// </summary>
    private static ToxicityDecision WithComedication(Evaluation e, ToxicityDecision d)
    {
        if (d.Rule.WithComedication is not { } branch)
        {
            return d;
        }

        var contributing = e.Case.Medications.Where(m => e.Kb.ReadMedication(m).Known.Any(k => k.Classes.Any(branch.Classes.Contains))).ToList();
        if (contributing.Count == 0)
        {
            return d with { Branch = $" No medication of the contributing classes ({string.Join(", ", branch.Classes.Select(c => c.Code()))}) is listed, so the rule without a contributing co-medication applies." };
        }

        return d with
        {
            Action = branch.Action,
            Resume = branch.Resume,
            Dose = branch.Dose,
            Branch = $" Listed co-medication that may contribute ({string.Join(", ", contributing)}): {branch.Text}",
        };
    }

    /// <summary>The listings of one event on one drug, and the one its row is written for (the highest grade, the last of equals).</summary>
    public sealed record Listings(IReadOnlyList<AdverseEvent> All, AdverseEvent Representative);

    /// <summary>
    /// SAFE-TOX-005: the events listed more than once for the same drug (grades 1-4), read as recurrences. An entry that
    /// names no therapy and repeats, at the same grade, an entry naming the drug it is attributed to is the same event
    /// entered twice, not a recurrence.
    /// </summary>
    public static Dictionary<(Therapy, AdverseEventCode), Listings> Recurrences(Evaluation e, HistoryEntry? current)
    {
        var attributed = e.Case.AdverseEvents
            .Where(ae => ae.Grade is >= 1 and <= 4)
            .Select(ae => (ae, therapy: Attribute(ae, current)))
            .Where(x => x.therapy is not null)
            .ToList();
        var listed = attributed.Where(x => x.ae.Therapy is not null
            || !attributed.Any(y => y.ae.Therapy == x.therapy && y.ae.Event == x.ae.Event && y.ae.Grade == x.ae.Grade));
        return listed
            .GroupBy(x => (x.therapy!.Value, x.ae.Event))
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g =>
            {
                var all = g.Select(x => x.ae).ToList();
                var top = all.Max(a => a.Grade);
                return new Listings(all, all.Last(a => a.Grade == top));
            });
    }

    /// <summary>How many steps down the ladder the listings of one event took: one per listing whose rule resumes at a
    /// reduced dose (its recurrence rule when an earlier listing fell under the same rule).</summary>
    public static int ReducedSteps(Evaluation e, Therapy therapy, IReadOnlyList<AdverseEvent> listings)
    {
        var decisions = listings.Select(l => Decide(e, therapy, l.Event, l.Grade)).ToList();
        return decisions.Select((d, i) => d is null ? Resume.Same
                : d.Rule.OnRecurrence is { } rec && decisions.Take(i).Any(x => x?.Rule.Id == d.Rule.Id) ? rec.Resume
                : d.Resume)
            .Count(r => r == Resume.Reduced);
    }

    /// <summary>
    /// The label's recurrence rule for the row's listing, when another listing of the event fell under the same rule (a
    /// grade 2 then a grade 4 is a worsening, not a recurrence of the grade 4 rule); null otherwise.
    /// </summary>
    public static RecurrenceBranch? RecurrenceRule(Evaluation e, Therapy therapy, Listings listings, ToxicityRule rule) =>
        rule.OnRecurrence is { } branch && listings.All.Any(l => !ReferenceEquals(l, listings.Representative) && Decide(e, therapy, l.Event, l.Grade)?.Rule.Id == rule.Id)
            ? branch
            : null;

    /// <summary>
    /// Why an event listed more than once stops the drug for good — the label's recurrence rule says so, a grade 4
    /// reaction the label does not address recurs, or the steps down the ladder have passed its last level — or null.
    /// </summary>
    public static string? StopsOnRecurrence(Evaluation e, Therapy therapy, Listings listings)
    {
        var top = listings.Representative;
        if (Decide(e, therapy, top.Event, top.Grade) is not { } decision)
        {
            return listings.All.Count(l => l.Grade == 4) > 1 ? "a grade 4 reaction its label does not address, recurring: FusionGuide's default is to discontinue" : null;
        }

        var recurrence = RecurrenceRule(e, therapy, listings, decision.Rule);
        if ((recurrence?.Action ?? decision.Action) == ToxicityAction.Discontinue)
        {
            return recurrence is null ? null : "its label's rule for a recurrence says to discontinue permanently";
        }

        var resume = recurrence?.Resume ?? decision.Resume;
        var ladder = e.Kb.Drug(therapy).DosingFor(e.AsOf, e.Case.Context.Region, adjuvant: false)?.Reductions ?? [];
        return resume == Resume.Reduced && ladder.Count > 0 && ReducedSteps(e, therapy, listings.All) > ladder.Count
            ? $"no lower dose level is left after its {ladder.Count} reductions: discontinue"
            : null;
    }

    /// <summary>The therapy an event belongs to: the one named, else the one therapy the patient is on.</summary>
    public static Therapy? Attribute(AdverseEvent ae, HistoryEntry? current) => ae.Therapy ?? current?.Therapy;
}
