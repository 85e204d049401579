using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// The avoid side of SYS-RES-001 (the resistance table, read and traced by <see cref="ResistanceProfile"/>): a TKI the
/// mutation found resists is avoided with the finding as its reason and the cell's sources.
/// </summary>
internal static class ResistantAvoided
{
    public const string Id = ResistanceProfile.ResistanceId;

    /// <summary>Every TKI of the kinase the genotype resists, whether or not a table lists it.</summary>
    public static void RuleOut(PlanState p)
    {
        foreach (var drug in p.E.Kb.Drugs.Where(d => d.Inhibits(p.Kinase)))
        {
            if (p.Profile.Of(drug.Therapy) == Activity.Resistant)
            {
                var finding = p.Profile.For(drug.Therapy).First(x => x.Activity == Activity.Resistant);
                p.Avoid.Add(drug.Therapy, finding.Evidence, finding.Sources);
                MarkUnverified(p, drug.Therapy);
            }
        }
    }

    /// <summary>A targeted candidate: its activity against the genotype, avoided when resistant.</summary>
    public static void Check(PlanState p, Candidate c, Drug drug)
    {
        if (!drug.IsTargeted)
        {
            return;
        }

        c.Activity = p.Profile.Of(c.Therapy);
        if (c.Activity == Activity.Resistant)
        {
            p.Avoid.Add(c.Therapy, p.Profile.For(c.Therapy).First(x => x.Activity == Activity.Resistant).Evidence);
            return;
        }

        MarkUnverified(p, c.Therapy);
    }

    private static void MarkUnverified(PlanState p, Therapy therapy)
    {
        foreach (var f in p.Profile.For(therapy).Where(f => f.Unverified))
        {
            p.E.UsedUnverified(f.FactId, f.Cell);
        }
    }
}
