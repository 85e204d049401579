using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>SYS-AVOID-002: a targeted drug without activity against the driver is not offered (sources: the rule catalogue).</summary>
internal static class KinaseTarget
{
    public const string Id = "SYS-AVOID-002";

    public static void Check(PlanState p, Candidate c, Drug drug)
    {
        if (drug.IsTargeted && !drug.Targets.Contains(p.Kinase))
        {
            p.Avoid.Add(c.Therapy, $"no activity against {p.KinaseCode}");
        }
    }
}
