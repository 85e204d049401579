using FusionGuide.Domain;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-RES-006: every TKI of the case's kinase that the resistance findings rate sensitive or intermediate (and none
/// resistant, which SYS-RES-001 avoids) is either an option or avoided with its reason, whatever table the order of
/// prior TKIs selected. One no table listed becomes a genotype-directed, certain-circumstances option; the candidate
/// filters then decide whether it stays. Sources: the rule catalogue and the resistance cells.
/// </summary>
internal static class SensitiveDrugsAccounted
{
    public const string Id = "SYS-RES-006";

    /// <summary>Candidates added after the guideline table, ranked after its entries of the same preference.</summary>
    private const int GenotypeDirectedOrder = 500;

    public static void Apply(PlanState p)
    {
        if (!p.Profile.HasGenotype)
        {
            return;
        }

        var added = new List<Candidate>();
        var accounted = new List<string>();
        var sources = new List<string>();
        foreach (var therapy in p.E.Kb.Drugs.Where(d => d.Inhibits(p.Kinase)).Select(d => d.Therapy))
        {
            // Only the findings of this kinase: a mutation of the other kinase (a history-inconsistent test) steers nothing here.
            var findings = p.Profile.For(therapy).Where(f => f.Set.Gene == p.Kinase).ToList();
            if (!findings.Any(f => f.Activity is Activity.Sensitive or Activity.Intermediate) || findings.Any(f => f.Activity == Activity.Resistant))
            {
                continue;
            }

            sources.AddRange(findings.SelectMany(f => f.Sources));
            if (p.Candidates.Any(c => c.Therapy == therapy))
            {
                accounted.Add($"{p.Name(therapy)} is an option");
            }
            else if (p.Avoid.Contains(therapy))
            {
                accounted.Add($"{p.Name(therapy)} is avoided");
            }
            else
            {
                var rated = string.Join("; ", findings.Select(f => $"{PlanState.Describe(f.Activity)} against {f.Set.Name}"));
                var why = $"Genotype-directed option: the resistance findings rate {p.Name(therapy)} {rated}, and no guideline table for this sequence of prior TKIs lists it for this genotype; offered in certain circumstances";
                var c = new Candidate(therapy, Preference.CertainCircumstances, why, GenotypeDirectedOrder + added.Count);
                c.Cite(findings.SelectMany(f => f.Sources));
                p.Candidates.Add(c);
                added.Add(c);
            }
        }

        CandidateFilters.Apply(p, added);
        accounted.AddRange(added.Select(c => p.Candidates.Contains(c)
            ? $"{p.Name(c.Therapy)} is added as a genotype-directed option"
            : $"{p.Name(c.Therapy)} is avoided ({AvoidReason(p, c.Therapy)})"));
        if (accounted.Count > 0)
        {
            p.E.Fire(Id, $"Every {p.KinaseCode} TKI the resistance findings rate sensitive or intermediate is accounted for: {string.Join("; ", accounted)}.", sources.Distinct());
        }
    }

    private static string AvoidReason(PlanState p, Therapy t) => p.Avoid.ToItems(_ => true).First(a => a.Therapy == t).Reason.TrimEnd('.');
}
