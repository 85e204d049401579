using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-HIST-001: a non-targeted therapy the drug record excludes for the tumour's histology (pemetrexed in squamous
/// disease, or after squamous transformation) is avoided. Sources: the rule catalogue and the drug record.
/// </summary>
internal static class HistologyFilter
{
    public const string Id = "SYS-HIST-001";

    public static void Check(PlanState p, Candidate c, Drug drug)
    {
        if (!drug.IsTargeted && p.E.HistologyAmong(drug.NotIn))
        {
            p.Avoid.Add(c.Therapy, $"not used in squamous histology", drug.Provenance.Sources);
            p.E.Fire(Id, $"{drug.Name}: not used in squamous histology.", drug.Provenance.Sources);
        }
    }
}
