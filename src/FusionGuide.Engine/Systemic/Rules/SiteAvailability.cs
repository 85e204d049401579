using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-ACCESS-001: a therapy the site cannot obtain (context.unavailable, or missing from context.available) is
/// avoided with that reason, and a current TKI the site can no longer supply is not continued.
/// Sources: the rule catalogue.
/// </summary>
internal static class SiteAvailability
{
    public const string Id = "SYS-ACCESS-001";

    public static void Check(PlanState p, Candidate c, Drug drug)
    {
        if (Access.UnavailableAtSite(p.E, c.Therapy, out var why))
        {
            p.Avoid.Add(c.Therapy, why);
            p.E.Fire(Id, $"{drug.Name}: {why}.");
        }
    }

    /// <summary>The TKI taken now, when the site can no longer supply it.</summary>
    public static void CurrentUnobtainable(PlanState p, HistoryEntry current)
    {
        if (p.IsTargeted(current.Therapy) && Access.UnavailableAtSite(p.E, current.Therapy, out var unobtainable))
        {
            p.Avoid.Add(current.Therapy, unobtainable);
            p.E.Fire(Id, $"{p.Name(current.Therapy)} is taken now, but {unobtainable}: it cannot be continued.");
        }
    }
}
