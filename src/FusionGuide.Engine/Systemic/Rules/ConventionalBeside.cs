using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-POST-002: after progression, when every TKI left is one a table offers only in certain circumstances (when the
/// genotype supports it: alectinib or brigatinib after lorlatinib, cabozantinib for ROS1 G2032R or L2086F), the plan
/// stays targeted but does not stop there: the conventional pathway's options (chemotherapy, a clinical trial) are listed
/// after those TKIs. Guidelines place such a TKI as one option among the standard ones, not instead of them; a plan of
/// off-label or genotype-conditioned TKIs alone hides the standard of care. Sources: the rule catalogue.
/// </summary>
internal static class ConventionalBeside
{
    public const string Id = "SYS-POST-002";

    public static void Add(PlanState p, Therapy? failedTki)
    {
        var targeted = p.Candidates.Where(c => p.IsTargeted(c.Therapy) && !c.IsRechallenge && !c.IsLabelBased).ToList();
        if (failedTki is null || targeted.Count == 0 || targeted.Any(c => c.Preference != Preference.CertainCircumstances))
        {
            return;
        }

        var table = GuidelineTable.Find(p, RegimenSetting.PostTargeted, null);
        if (table is null)
        {
            return;
        }

        var before = p.Candidates.ToHashSet();
        GuidelineTable.Add(p, table, null);
        var added = p.Candidates.Where(c => !before.Contains(c)).ToList();
        var tkis = string.Join(", ", targeted.Select(p.Name));
        foreach (var c in added)
        {
            c.AfterAnsweringTable = true;
            c.Notes.Add($"listed after {tkis}, which the genotype supports in certain circumstances: the standard pathway beside them");
        }

        CandidateFilters.Apply(p, added);
        var kept = p.Candidates.Where(added.Contains).Select(p.Name).ToList();
        if (kept.Count > 0)
        {
            p.E.Fire(Id, $"The only {p.KinaseCode} TKIs left ({tkis}) are offered in certain circumstances, when the genotype supports them: the conventional pathway's options ({string.Join(", ", kept)}) are listed after them.");
        }
    }
}
