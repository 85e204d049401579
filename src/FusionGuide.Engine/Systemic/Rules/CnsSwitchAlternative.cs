using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-CONT-005: the TKI is continued through CNS-only progression (SYS-CONT-002) on the premise that local treatment
/// reaches the progressing sites. When the brain disease is beyond that — leptomeningeal, or more lesions than
/// radiosurgery is offered for (the srs-max-brain-lesions thresholds) — the TKIs the guideline table prefers after the
/// continued one, with better intracranial evidence (a lower CNS rank for the kinase) and not had before, are shown
/// beside the continuation as the switch to consider (lorlatinib for leptomeningeal progression on alectinib). The
/// candidate filters still apply. Sources: the rule catalogue, the table and the alternative's CNS record.
/// </summary>
internal static class CnsSwitchAlternative
{
    public const string Id = "SYS-CONT-005";

    /// <summary>Ranked after the continued TKI (order 0), after any genotype-matched alternative.</summary>
    private const int AlternativeOrder = 200;

    public static void Add(PlanState p, HistoryEntry current)
    {
        if (current.ProgressionPattern != ProgressionPattern.Cns || BeyondLocalTreatment(p) is not { } why ||
            GuidelineTable.InForce(p, RegimenSetting.Subsequent, current.Therapy) is not { } table)
        {
            return;
        }

        var e = p.E;
        var currentRank = CnsRank(p, current.Therapy);
        var added = new List<Candidate>();
        for (var i = 0; i < table.Entries.Count; i++)
        {
            var entry = table.Entries[i];
            if (entry.Preference != Preference.Preferred || !p.IsTargeted(entry.Therapy) || entry.Therapy == current.Therapy ||
                p.H.TargetedExposure.Contains(entry.Therapy) || p.Candidates.Any(c => c.Therapy == entry.Therapy) ||
                CnsRank(p, entry.Therapy) is not { } rank || (currentRank is { } had && rank >= had))
            {
                continue;
            }

            var placed = $"{e.Cite(table.Guideline)} lists {p.Name(entry.Therapy)} as {GuidelineTable.PlacementWords(entry.Preference)} after {p.Name(current.Therapy)}{(entry.Provenance.Verified ? "" : " (guideline placement not yet verified)")}";
            var c = new Candidate(entry.Therapy, Preference.OtherRecommended,
                $"Alternative to continuing {p.Name(current.Therapy)}: {why}, so local treatment may not reach all of the progressing CNS disease; {placed}, and its intracranial evidence is stronger — switch to it if the CNS disease is not controlled",
                AlternativeOrder + i)
            {
                Category = entry.Category,
            };
            c.Cite([.. entry.Provenance.Sources, table.Guideline, .. e.Kb.Drug(entry.Therapy).Cns?.Provenance.Sources ?? []]);
            e.UsedUnverified($"{table.Id}/{entry.Therapy.Code()}", entry.Provenance);
            e.UsedUnverified(table.Id, table.Provenance);
            p.Candidates.Add(c);
            added.Add(c);
        }

        CandidateFilters.Apply(p, added);
        var kept = added.Where(p.Candidates.Contains).ToList();
        if (kept.Count > 0)
        {
            e.Fire(Id, $"CNS-only progression on {p.Name(current.Therapy)} beyond local treatment ({why}): {string.Join(", ", kept.Select(c => p.Name(c.Therapy)))}, which {table.Id} prefers after it and whose intracranial evidence ranks higher, shown as the alternative to continuing it.",
                [table.Guideline, .. kept.SelectMany(c => e.Kb.Drug(c.Therapy).Cns?.Provenance.Sources ?? [])]);
        }
    }

    /// <summary>Why local treatment cannot reach the CNS disease, in words; null when it can (or the count is not given).</summary>
    private static string? BeyondLocalTreatment(PlanState p)
    {
        var bm = p.E.Case.Disease.BrainMetastases;
        if (bm?.Leptomeningeal == true)
        {
            return "the disease is leptomeningeal";
        }

        var limit = p.E.Kb.ClinicalThresholds.SrsMaxBrainLesionsFor(p.E.Case.Patient.Ecog);
        return bm?.Count is { } count && count > limit ? $"{count} brain lesions, more than radiosurgery is offered for ({limit})" : null;
    }

    private static int? CnsRank(PlanState p, Therapy therapy) => p.E.Kb.Drug(therapy).Cns?.RankFor(p.Kinase);
}
