using System.Text.RegularExpressions;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>
/// Knowledge sentences said for this patient: clauses about kinase mutations the patient does not have are left out
/// or replaced by what the findings say (part of SYS-RES-006: no evidence quoted for another genotype).
/// </summary>
internal static partial class PatientWording
{
    [GeneratedRegex(@"\b[A-Z][0-9]{3,4}[A-Z]\b")]
    private static partial Regex KinaseMutation();

    /// <summary>
    /// The evidence of a genotype-directed table entry for this patient: when the guideline entry's sentence is about a
    /// kinase mutation the patient does not have (a cabozantinib sentence about L2086F for an S1986F finding), it is
    /// replaced by what the finding is for this patient; the finding's own evidence follows in the rationale.
    /// </summary>
    public static string GenotypeDirectedEvidence(PlanState p, RegimenEntry entry)
    {
        var found = FoundMutations(p);
        var named = KinaseMutation().Matches(entry.Rationale).Select(m => m.Value).ToList();
        if (named.Count == 0 || named.All(found.Contains))
        {
            return entry.Rationale;
        }

        var rated = string.Join("; ", p.Profile.For(entry.Therapy).Where(f => f.Set.Gene == p.Kinase).Select(f => $"{PlanState.Describe(f.Activity)} against {f.Set.Name}"));
        return $"Genotype-directed option: the resistance findings rate {p.Name(entry.Therapy)} {rated}";
    }

    /// <summary>
    /// A knowledge sentence for this patient: its clauses (split at ";") that name a kinase mutation the patient does not
    /// have are left out ("active against G2032R" for an S1986F finding); null when nothing is left.
    /// </summary>
    public static string? ForThisPatient(PlanState p, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var found = FoundMutations(p);
        var kept = text.Split(';').Select(clause => clause.Trim().TrimEnd('.'))
            .Where(clause => clause.Length > 0 && KinaseMutation().Matches(clause).All(m => found.Contains(m.Value)))
            .ToList();
        return kept.Count == 0 ? null : string.Join("; ", kept);
    }

    private static HashSet<string> FoundMutations(PlanState p) => p.Profile.Sets.SelectMany(s => s.Mutations).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
