using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// The filters every candidate passes, in order; a candidate any of them avoids leaves the list (a therapy is never
/// both offered and avoided). Each filter is a rule of its own file, found by its id.
/// </summary>
internal static class CandidateFilters
{
    private delegate void Filter(PlanState p, Candidate c, Drug drug);

    private static readonly Filter[] InOrder =
    [
        KinaseTarget.Check,          // SYS-AVOID-002 a TKI of the other kinase
        SiteAvailability.Check,      // SYS-ACCESS-001 context.unavailable / context.available
        ResistantAvoided.Check,      // SYS-RES-001 the genotype found resists the TKI
        Investigational.Check,       // SYS-ACCESS-005 approved nowhere on asOf: a trial or expanded access
        RegionalApproval.Check,      // SYS-ACCESS-002, SYS-ACCESS-004 approval in the region on asOf
        HistologyFilter.Check,       // SYS-HIST-001 not used in squamous histology
        PerformanceStatus.Check,     // SYS-PS-001 no chemotherapy or immunotherapy at poor ECOG
        ComorbidityCautions.Check,   // SYS-COMORB-001, SYS-COMORB-002 the drug's cautions for the patient's comorbidities
    ];

    /// <summary>Runs the filters over the candidates (or only the ones given) and removes the avoided ones.</summary>
    public static void Apply(PlanState p, IEnumerable<Candidate>? only = null)
    {
        foreach (var c in (only ?? p.Candidates).ToList())
        {
            var drug = p.E.Kb.Drug(c.Therapy);
            if (!drug.IsTargeted)
            {
                // A chemotherapy, immunotherapy or supportive option cites its own record.
                c.Cite(drug.Provenance.Sources);
            }

            foreach (var filter in InOrder)
            {
                filter(p, c, drug);
            }

            if (p.Avoid.Contains(c.Therapy))
            {
                p.Candidates.Remove(c);
            }
        }
    }
}
