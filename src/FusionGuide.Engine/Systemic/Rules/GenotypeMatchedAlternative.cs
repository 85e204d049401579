using FusionGuide.Domain;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-CONT-003: while the TKI is continued through oligoprogression (SYS-CONT-002) and a progression test found a kinase
/// mutation that the continued TKI does not fully cover, every TKI of the kinase that the findings rate sensitive — and
/// that the patient has not had — is shown beside the continuation as the genotype-matched alternative (switching rather
/// than continuing, e.g. lorlatinib for G1202R on alectinib), after the continued TKI. The candidate filters (access,
/// approval, label, contraindications) still apply. Sources: the rule catalogue and the resistance cells.
/// </summary>
internal static class GenotypeMatchedAlternative
{
    public const string Id = "SYS-CONT-003";

    /// <summary>Ranked after the continued TKI (order 0) and before any later addition.</summary>
    private const int AlternativeOrder = 100;

    public static void Add(PlanState p, HistoryEntry current)
    {
        if (!p.Profile.HasGenotype || p.Profile.Of(current.Therapy) == Activity.Sensitive)
        {
            return;
        }

        var added = new List<Candidate>();
        foreach (var therapy in p.E.Kb.Drugs.Where(d => d.Inhibits(p.Kinase)).Select(d => d.Therapy))
        {
            var findings = p.Profile.For(therapy).Where(f => f.Set.Gene == p.Kinase).ToList();
            if (therapy == current.Therapy || p.H.TargetedExposure.Contains(therapy) || p.Candidates.Any(c => c.Therapy == therapy) ||
                findings.Count == 0 || findings.Any(f => f.Activity != Activity.Sensitive))
            {
                continue;
            }

            var why = $"Genotype-matched alternative to continuing {p.Name(current.Therapy)}: {string.Join("; ", findings.Select(f => f.Evidence))}. Switch to it if the progressing site cannot be treated locally, or if the disease progresses again";
            var c = new Candidate(therapy, Preference.OtherRecommended, why, AlternativeOrder + added.Count);
            c.Cite(findings.SelectMany(f => f.Sources));
            p.Candidates.Add(c);
            added.Add(c);
        }

        CandidateFilters.Apply(p, added);
        var kept = added.Where(p.Candidates.Contains).Select(c => p.Name(c.Therapy)).ToList();
        if (kept.Count > 0)
        {
            p.E.Fire(Id, $"Limited progression on {p.Name(current.Therapy)} with {string.Join(", ", p.Profile.Sets.Select(s => $"{s.Name} ({s.Source})"))}: {string.Join(", ", kept)} shown as the genotype-matched alternative to continuing it.",
                added.Where(p.Candidates.Contains).SelectMany(c => c.References));
        }
    }
}
