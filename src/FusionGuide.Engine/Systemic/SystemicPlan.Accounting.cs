using System.Text.RegularExpressions;
using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>
/// SYS-RES-006: every TKI of the case's kinase that the resistance findings rate sensitive or intermediate is either an
/// option or avoided with its reason, whatever table the order of prior TKIs selected.
/// </summary>
internal sealed partial class SystemicPlan
{
    /// <summary>Candidates added after the guideline table, ranked after its entries of the same preference.</summary>
    private const int GenotypeDirectedOrder = 500;

    /// <summary>
    /// Every targeted drug for this kinase with a sensitive or intermediate finding (and no resistant one, which
    /// SYS-RES-001 already avoids) that is neither an option nor avoided is offered as a genotype-directed,
    /// certain-circumstances option; the access, approval and comorbidity filters then decide whether it stays or is
    /// avoided with their reason. Drugs already avoided (progression on them, intolerance, access) keep that reason.
    /// </summary>
    private void AccountForSensitiveDrugs()
    {
        if (!profile.HasGenotype)
        {
            return;
        }

        var added = new List<Candidate>();
        var accounted = new List<string>();
        var sources = new List<string>();
        foreach (var drug in e.Kb.Drugs.Where(d => d.Inhibits(kinase)))
        {
            var therapy = drug.Therapy;
            // Only the findings of this kinase: a mutation of the other kinase (a history-inconsistent test) steers nothing here.
            var findings = profile.For(therapy).Where(f => f.Set.Gene == kinase).ToList();
            if (!findings.Any(f => f.Activity is Activity.Sensitive or Activity.Intermediate) || findings.Any(f => f.Activity == Activity.Resistant))
            {
                continue;
            }

            sources.AddRange(findings.SelectMany(f => f.Sources));
            if (candidates.Any(c => c.Therapy == therapy))
            {
                accounted.Add($"{e.Name(therapy)} is an option");
                continue;
            }

            if (avoid.Contains(therapy))
            {
                accounted.Add($"{e.Name(therapy)} is avoided");
                continue;
            }

            var rated = string.Join("; ", findings.Where(f => f.Activity != Activity.Resistant).Select(f => $"{Describe(f.Activity)} against {f.Set.Name}"));
            var why = $"Genotype-directed option: the resistance findings rate {e.Name(therapy)} {rated}, and no guideline table for this sequence of prior TKIs lists it for this genotype; offered in certain circumstances, after the guideline's preferred options";
            var c = new Candidate(therapy, Preference.CertainCircumstances, why, GenotypeDirectedOrder + added.Count);
            c.Cite(findings.SelectMany(f => f.Sources));
            candidates.Add(c);
            added.Add(c);
        }

        if (added.Count > 0)
        {
            ApplyFilters(added);
            foreach (var c in added)
            {
                var name = e.Name(c.Therapy);
                accounted.Add(candidates.Contains(c) ? $"{name} is added as a genotype-directed option" : $"{name} is avoided ({AvoidReason(c.Therapy)})");
            }
        }

        if (accounted.Count > 0)
        {
            e.Fire(RuleIds.SensitiveAccounted, $"Every {kinaseCode} TKI the resistance findings rate sensitive or intermediate is accounted for: {string.Join("; ", accounted)}.", sources.Distinct());
        }
    }

    private string AvoidReason(Therapy t) => avoid.ToItems(_ => true).First(a => a.Therapy == t).Reason.TrimEnd('.');

    private static string Describe(Activity a) => a switch
    {
        Activity.Sensitive => "sensitive",
        Activity.Intermediate => "intermediate",
        _ => "resistant",
    };

    [GeneratedRegex(@"\b[A-Z][0-9]{3,4}[A-Z]\b")]
    private static partial Regex KinaseMutation();

    /// <summary>
    /// The evidence of a genotype-directed table entry for this patient: when the guideline entry's sentence is about a
    /// kinase mutation the patient does not have (a cabozantinib sentence about L2086F for an S1986F finding), it is
    /// replaced by what the finding is for this patient; the finding's own evidence follows in the rationale.
    /// </summary>
    private string GenotypeDirectedEvidence(RegimenEntry entry)
    {
        var found = FoundMutations();
        var named = KinaseMutation().Matches(entry.Rationale).Select(m => m.Value).ToList();
        if (named.Count == 0 || named.All(found.Contains))
        {
            return entry.Rationale;
        }

        var therapy = entry.Therapy;
        var rated = string.Join("; ", profile.For(therapy).Where(f => f.Set.Gene == kinase).Select(f => $"{Describe(f.Activity)} against {f.Set.Name}"));
        return $"Genotype-directed option: the resistance findings rate {e.Name(therapy)} {rated}";
    }

    /// <summary>
    /// A knowledge sentence for this patient: its clauses (split at ";") that name a kinase mutation the patient does not
    /// have are left out ("active against G2032R" for an S1986F finding); null when nothing is left.
    /// </summary>
    private string? ForThisPatient(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var found = FoundMutations();
        var kept = text.Split(';').Select(clause => clause.Trim().TrimEnd('.'))
            .Where(clause => clause.Length > 0 && KinaseMutation().Matches(clause).All(m => found.Contains(m.Value)))
            .ToList();
        return kept.Count == 0 ? null : string.Join("; ", kept);
    }

    private HashSet<string> FoundMutations() => profile.Sets.SelectMany(s => s.Mutations).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
