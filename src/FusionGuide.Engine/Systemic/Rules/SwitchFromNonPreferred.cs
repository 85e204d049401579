using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-CONT-006: the TKI continued through limited progression (SYS-CONT-002) is one the first-line table in force no
/// longer prefers (crizotinib for ALK since the next-generation TKIs): continuing it with local treatment keeps a TKI the
/// guideline has moved past, so the TKIs the table after it prefers, not had before, are shown beside the continuation
/// as the switch to consider. A TKI the first-line table still prefers (crizotinib for ROS1) is continued alone, as
/// before. The candidate filters still apply. Sources: the rule catalogue and the two tables.
/// </summary>
internal static class SwitchFromNonPreferred
{
    public const string Id = "SYS-CONT-006";

    /// <summary>After the continued TKI, the genotype-matched (100) and CNS (200) alternatives.</summary>
    private const int AlternativeOrder = 300;

    public static void Add(PlanState p, HistoryEntry current)
    {
        if (GuidelineTable.InForce(p, RegimenSetting.FirstLine, null) is not { } firstLine ||
            firstLine.Entries.FirstOrDefault(x => x.Therapy == current.Therapy) is not { } listed || listed.Preference == Preference.Preferred ||
            GuidelineTable.InForce(p, RegimenSetting.Subsequent, current.Therapy) is not { } after)
        {
            return;
        }

        var e = p.E;
        var added = new List<Candidate>();
        foreach (var (entry, i) in GuidelineTable.PreferredNotHad(p, after, current.Therapy))
        {
            var c = new Candidate(entry.Therapy, Preference.OtherRecommended,
                $"Alternative to continuing {p.Name(current.Therapy)}: {Placed(p, firstLine, listed, after, entry)} — switching now, with the progressing site treated locally, is the alternative to keeping {p.Name(current.Therapy)}",
                AlternativeOrder + i)
            {
                Category = entry.Category,
            };
            c.Cite([.. entry.Provenance.Sources, after.Guideline, firstLine.Guideline]);
            e.UsedUnverified($"{after.Id}/{entry.Therapy.Code()}", entry.Provenance);
            e.UsedUnverified($"{firstLine.Id}/{current.Therapy.Code()}", listed.Provenance);
            p.Candidates.Add(c);
            added.Add(c);
        }

        CandidateFilters.Apply(p, added);
        var kept = added.Where(p.Candidates.Contains).ToList();
        if (kept.Count > 0)
        {
            e.Fire(Id, $"Limited progression on {p.Name(current.Therapy)}, which '{firstLine.Id}' lists first line only as {GuidelineTable.PlacementWords(listed.Preference)}: {string.Join(", ", kept.Select(c => p.Name(c.Therapy)))}, which '{after.Id}' prefers after it, shown as the switch beside continuing it.",
                [firstLine.Guideline, after.Guideline]);
        }
    }

    /// <summary>"NCCN … lists crizotinib first line only as …, and alectinib as a preferred option after it" (one guideline named once).</summary>
    private static string Placed(PlanState p, Regimen firstLine, RegimenEntry listed, Regimen after, RegimenEntry entry)
    {
        var e = p.E;
        var second = firstLine.Guideline == after.Guideline ? $"{p.Name(entry.Therapy)}" : $"{e.Cite(after.Guideline)} lists {p.Name(entry.Therapy)}";
        return $"{e.Cite(firstLine.Guideline)} lists {p.Name(listed.Therapy)} first line only as {GuidelineTable.PlacementWords(listed.Preference)}, and {second} as {GuidelineTable.PlacementWords(entry.Preference)} after it{(entry.Provenance.Verified ? "" : " (guideline placement not yet verified)")}";
    }
}
