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

        var contributing = e.Case.Medications.Where(m => e.Kb.Medication(m).Classes.Any(branch.Classes.Contains)).ToList();
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

    /// <summary>The therapy an event belongs to: the one named, else the one therapy the patient is on.</summary>
    public static Therapy? Attribute(AdverseEvent ae, HistoryEntry? current) => ae.Therapy ?? current?.Therapy;
}
