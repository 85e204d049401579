using FusionGuide.Domain;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-AVOID-001: a therapy the disease progressed on is not offered again, unless the knowledge base records clinical
/// evidence that the genotype found now restores it (<see cref="Rechallenge"/>). Sources: the rule catalogue.
/// </summary>
internal static class PriorProgression
{
    public const string Id = "SYS-AVOID-001";

    public static void RuleOut(PlanState p)
    {
        foreach (var f in p.H.Failed)
        {
            // A trial is a place, not a drug: progression in one trial says nothing against another (the trial's own
            // agent, when it is a TKI, is a drug the case can name in its history).
            if (f.Therapy == Therapy.ClinicalTrial)
            {
                p.E.Fire(Id, $"Clinical trial: the disease progressed in a trial{HistoryReader.Span(f)}; another trial is not ruled out by it (the trial's agent is not named, so no drug is ruled out either).");
                continue;
            }

            if (p.IsTargeted(f.Therapy) && Rechallenge.Evidence(p, f) is { } evidence)
            {
                Rechallenge.Allow(p, f, evidence.Set, evidence.Record);
                continue;
            }

            var reason = $"disease progressed on it{HistoryReader.Span(f)}";
            p.Avoid.Add(f.Therapy, reason);
            p.E.Fire(Id, $"{p.Name(f.Therapy)}: {reason}; not offered again.");
            if (p.IsTargeted(f.Therapy) && p.Profile.Of(f.Therapy) == Activity.Sensitive)
            {
                Rechallenge.NotForLabSensitivity(p, f);
            }
        }
    }
}
