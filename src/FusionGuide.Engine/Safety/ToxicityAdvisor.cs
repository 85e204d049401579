using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>The label rule that answers one event at one grade, and whether it is the event's own rule or the label's general one.</summary>
internal sealed record ToxicityDecision(ToxicityRule Rule, bool General);

/// <summary>Finds the label's rule for an adverse event (shared by the toxicity stage and the systemic stage).</summary>
internal static class ToxicityAdvisor
{
    public static ToxicityDecision? Decide(Evaluation e, Therapy therapy, AdverseEventCode ev, int grade)
    {
        if (grade is < 1 or > 4 || e.Kb.Toxicity(therapy) is not { } table)
        {
            return null;
        }

        var code = Codes.AdverseEventCode.Code(ev);
        var rules = table.Rules.Where(r => KnowledgeBase.InForce(r, e.AsOf) && r.Grades.Contains(grade)).ToList();
        var own = rules.FirstOrDefault(r => r.Event == code);
        if (own is not null)
        {
            return new ToxicityDecision(own, General: false);
        }

        var general = rules.FirstOrDefault(r => r.Event == "other");
        return general is null ? null : new ToxicityDecision(general, General: ev != AdverseEventCode.Other);
    }

    /// <summary>The therapy an event belongs to: the one named, else the one therapy the patient is on.</summary>
    public static Therapy? Attribute(AdverseEvent ae, HistoryEntry? current) => ae.Therapy ?? current?.Therapy;
}
