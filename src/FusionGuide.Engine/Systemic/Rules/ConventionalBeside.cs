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

    /// <summary>
    /// Why the TKIs stand in certain circumstances: the genotype found rates them sensitive, a label (lorlatinib after
    /// ensartinib on its unrestricted label, where no resistance test was given, was said to be "supported by the
    /// genotype"), or the guideline's condition (listed when the genotype supports it).
    /// </summary>
    private static string Basis(PlanState p, List<Candidate> targeted)
    {
        var byGenotype = targeted.All(c => p.Profile.Of(c.Therapy) == Activity.Sensitive);
        var byLabel = targeted.All(c => p.Profile.Of(c.Therapy) != Activity.Sensitive && c.OnLabel);
        var one = targeted.Count == 1;
        return byGenotype ? "which the genotype supports"
            : byLabel ? $"offered on {(one ? "its label" : "their labels")}"
            : $"which the guideline lists when the genotype supports {(one ? "it" : "them")}";
    }

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
        var weak = WhyNotFirst(p, failedTki.Value, targeted);
        if (weak is null)
        {
            foreach (var c in added)
            {
                c.AfterAnsweringTable = true;
                c.Notes.Add($"listed after {tkis}, {Basis(p, targeted)} in certain circumstances: the standard pathway beside {(targeted.Count == 1 ? "it" : "them")}");
            }
        }
        else
        {
            foreach (var c in targeted)
            {
                c.Notes.Add($"not ahead of the standard pathway: {weak}");
            }
        }

        CandidateFilters.Apply(p, added);
        var kept = p.Candidates.Where(added.Contains).Select(p.Name).ToList();
        if (kept.Count > 0)
        {
            p.E.Fire(Id, weak is null
                ? $"The only {p.KinaseCode} TKIs left ({tkis}) are offered in certain circumstances, when the genotype supports them: the conventional pathway's options ({string.Join(", ", kept)}) are listed after them."
                : $"The only {p.KinaseCode} TKIs left ({tkis}) are offered in certain circumstances, and {weak}: the conventional pathway's options ({string.Join(", ", kept)}) are ranked by their own preference, not after them.");
        }
    }

    /// <summary>
    /// Why the genotype-directed TKIs do not lead the standard pathway, or null when they may: none is rated fully
    /// active against what was found (only partly active, or judged from a compound's single mutations), or what was found
    /// is rated sensitive to the TKI it emerged on (G2032R on repotrectinib, I1171N alone on lorlatinib) — then it does not
    /// explain the progression by itself, and another TKI rated sensitive to it has no clinical data after that TKI.
    /// </summary>
    private static string? WhyNotFirst(PlanState p, Therapy failed, List<Candidate> targeted)
    {
        if (p.Profile.Sets.Count == 0)
        {
            return null;
        }

        var found = string.Join(", ", p.Profile.Sets.Select(s => s.Name));
        if (p.Profile.Of(failed) == Activity.Sensitive)
        {
            return $"{found} emerged on {p.Name(failed)}, which the same activity data rate sensitive to it, so it does not explain the progression by itself (a compound on one allele, a bypass track or a histologic change may) and no clinical data support another TKI rated sensitive to it after {p.Name(failed)}; tissue NGS of a progressing site first";
        }

        return targeted.All(c => p.Profile.Of(c.Therapy) == Activity.Intermediate)
            ? $"none of them is rated fully active against {found} (only partly active, or judged from single mutations)"
            : null;
    }
}
