using FusionGuide.Domain;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-CONT-005: the TKI is continued through CNS-only progression (SYS-CONT-002) on the premise that local treatment
/// reaches the progressing sites. When that premise weakens, the TKIs the guideline table prefers after the continued
/// one, with better intracranial evidence (a lower CNS rank for the kinase) and not had before, are shown with it:
/// <list type="bullet">
/// <item>more lesions than radiosurgery is recommended for without condition (srs-max-brain-lesions; ASTRO 2022 makes
/// 5-10 lesions a conditional recommendation): the switch is the alternative beside the continuation;</item>
/// <item>leptomeningeal disease, or more lesions than radiosurgery is offered for at this performance status
/// (srs-max-brain-lesions-fit): local treatment cannot reach the progressing disease, so the switch leads and the
/// continuation is the alternative (lorlatinib for leptomeningeal progression on alectinib).</item>
/// </list>
/// The candidate filters still apply; when none is left the continuation stays first. Sources: the rule catalogue, the
/// table and the alternative's CNS record.
/// </summary>
internal static class CnsSwitchAlternative
{
    public const string Id = "SYS-CONT-005";
    public const string FailureId = "SYS-CONT-007";

    /// <summary>Ranked after the continued TKI (order 0), after any genotype-matched alternative.</summary>
    private const int AlternativeOrder = 200;

    /// <summary>Adds the switch; returns true when it leads (the plan is then the next line after the continued TKI).</summary>
    public static bool Add(PlanState p, HistoryEntry current)
    {
        if (current.ProgressionPattern != ProgressionPattern.Cns || Reach(p) is not { } reach ||
            GuidelineTable.InForce(p, RegimenSetting.Subsequent, current.Therapy) is not { } table)
        {
            return false;
        }

        var e = p.E;
        var currentRank = CnsRank(p, current.Therapy);
        var added = new List<Candidate>();
        foreach (var (entry, i) in GuidelineTable.PreferredNotHad(p, table, current.Therapy))
        {
            if (CnsRank(p, entry.Therapy) is not { } rank || (currentRank is { } had && rank >= had))
            {
                continue;
            }

            var placed = $"{e.Cite(table.Guideline)} lists {p.Name(entry.Therapy)} as {GuidelineTable.PlacementWords(entry.Preference)} after {p.Name(current.Therapy)}{(entry.Provenance.Verified ? "" : " (guideline placement not yet verified)")}";
            var evidence = reach.Beyond
                ? $"Switch from {p.Name(current.Therapy)}, on which the CNS disease progressed: {reach.Why}, so local treatment cannot reach all of it; {placed}, and its intracranial evidence is stronger"
                : $"Alternative to continuing {p.Name(current.Therapy)}: {reach.Why}, so local treatment may not reach all of the progressing CNS disease; {placed}, and its intracranial evidence is stronger — switch to it if the CNS disease is not controlled";
            var c = new Candidate(entry.Therapy, reach.Beyond ? Preference.Preferred : Preference.OtherRecommended, evidence, AlternativeOrder + i)
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
        if (kept.Count == 0)
        {
            return false;
        }

        var names = string.Join(", ", kept.Select(c => p.Name(c.Therapy)));
        if (reach.Beyond && p.Candidates.FirstOrDefault(c => c.IsContinuation) is { } continued)
        {
            // The continuation's premise (local treatment of the progressing sites) does not hold: it stays as the
            // alternative for a patient whose extracranial disease it still controls, after the switch.
            continued.Preference = Preference.OtherRecommended;
            continued.Notes.Add($"the alternative to switching to {names}, for a patient whose extracranial disease it still controls: {reach.Why}, beyond what local treatment of the progressing sites reaches");
        }

        e.Fire(Id, reach.Beyond
                ? $"CNS-only progression on {p.Name(current.Therapy)} beyond local treatment ({reach.Why}): {names}, which {table.Id} prefers after it and whose intracranial evidence ranks higher, leads; continuing {p.Name(current.Therapy)} is the alternative."
                : $"CNS-only progression on {p.Name(current.Therapy)} with {reach.Why}: {names}, which {table.Id} prefers after it and whose intracranial evidence ranks higher, shown as the alternative to continuing it.",
            [table.Guideline, .. kept.SelectMany(c => e.Kb.Drug(c.Therapy).Cns?.Provenance.Sources ?? [])]);
        return reach.Beyond;
    }

    /// <summary>
    /// How far local treatment reaches the CNS disease: Why in words and Beyond when it cannot reach it (leptomeningeal,
    /// or more lesions than radiosurgery is offered for); null when it reaches it (or the count is not given).
    /// </summary>
    private static (string Why, bool Beyond)? Reach(PlanState p)
    {
        var bm = p.E.Case.Disease.BrainMetastases;
        if (bm?.Leptomeningeal == true)
        {
            return ("the disease is leptomeningeal", true);
        }

        var t = p.E.Kb.ClinicalThresholds;
        var limit = t.SrsMaxBrainLesionsFor(p.E.Case.Patient.Ecog);
        if (bm?.Count is { } many && many > limit)
        {
            return ($"{many} brain lesions, more than radiosurgery is offered for ({limit})", true);
        }

        if (PoorPerformance(p) is { } ecog && bm?.Symptomatic != true && bm?.MassEffect != true)
        {
            // The brain plan (LOC-BRAIN-012) gives asymptomatic lesions no routine radiotherapy at this performance status:
            // continuing the TKI on the premise of local treatment would leave the progressing lesions untreated.
            return ($"ECOG {ecog} with asymptomatic lesions, for which radiotherapy is not given routinely (radiosurgery is recommended at ECOG 0–{t.SrsFitEcogAtMost})", true);
        }

        return bm?.Count switch
        {
            { } count when count > t.SrsMaxBrainLesions => ($"{count} brain lesions, for which radiosurgery is only conditionally recommended (more than {t.SrsMaxBrainLesions})", false),
            _ => null,
        };
    }

    private static int? CnsRank(PlanState p, Therapy therapy) => p.E.Kb.Drug(therapy).Cns?.RankFor(p.Kinase);

    private static int? PoorPerformance(PlanState p) =>
        p.E.Case.Patient.Ecog is { } ecog && ecog >= p.E.Kb.ClinicalThresholds.EcogPoorAtOrAbove ? ecog : null;

    /// <summary>
    /// SYS-CONT-007: CNS-only progression on the TKI taken now, beyond what local treatment reaches, when no TKI with
    /// stronger intracranial evidence is left to switch to (SYS-CONT-005 has none: lorlatinib for ALK, entrectinib for
    /// ROS1). Continuing it alone would leave the progressing CNS disease untreated, so the progression is answered as the
    /// TKI's failure — the options after it (the table after lorlatinib: chemotherapy or a trial; after entrectinib:
    /// repotrectinib, taletrectinib). One exception: at a poor performance status, where chemotherapy is not given either,
    /// the TKI stays the treatment unless the table prefers another TKI after it. Returns the
    /// reason in words, or null when the continuation stands. Sources: the rule catalogue and the table after the TKI.
    /// </summary>
    public static string? AnsweredAsFailure(PlanState p, HistoryEntry current)
    {
        if (current.ProgressionPattern != ProgressionPattern.Cns || Reach(p) is not { Beyond: true } reach)
        {
            return null;
        }

        // No table after it (ROS1 after lorlatinib): the labels written for use after it answer (SYS-LABEL-004).
        var table = GuidelineTable.InForce(p, RegimenSetting.Subsequent, current.Therapy);
        var currentRank = CnsRank(p, current.Therapy);
        bool Usable(Therapy t) => !Access.UnavailableAtSite(p.E, t, out _) && p.Profile.Of(t) != Activity.Resistant;
        var preferredTkis = table is null ? [] : GuidelineTable.PreferredNotHad(p, table, current.Therapy).Where(x => Usable(x.Entry.Therapy)).ToList();
        if (preferredTkis.Any(x => CnsRank(p, x.Entry.Therapy) is { } rank && (currentRank is not { } had || rank < had)))
        {
            return null;
        }

        // At a poor performance status chemotherapy is not given either (SYS-PS-001): without a preferred TKI to switch to,
        // the TKI taken now, with palliative care, is still the treatment.
        if (PoorPerformance(p) is not null && preferredTkis.Count == 0)
        {
            return null;
        }

        var answered = table is null ? "the labels written for use after it" : $"{p.E.Cite(table.Guideline)}, '{table.Id}'";
        var why = $"CNS-only progression on {p.Name(current.Therapy)} beyond local treatment ({reach.Why}), and no TKI with stronger intracranial evidence is left to switch to: continuing it alone would leave the progressing CNS disease untreated, so the progression is answered as {p.Name(current.Therapy)}'s failure ({answered}), with continuing it beside CNS-directed treatment as the alternative";
        p.E.Fire(FailureId, $"{why}.", [.. table is null ? [] : new[] { table.Guideline }, .. p.E.Kb.Rule(FailureId)?.Provenance.Sources ?? []]);
        return why;
    }

    /// <summary>
    /// SYS-CONT-007's alternative: the TKI whose CNS progression was answered as its failure, offered after the options
    /// that answer it for the extracranial disease it still controls, beside CNS-directed treatment. It does not keep the
    /// plan targeted (the answer is the switch), and the candidate filters apply to it as to any option.
    /// </summary>
    public static void AddContinuedBeside(PlanState p)
    {
        if (p.ContinuedBeside is not { } current || p.Candidates.Any(c => c.Therapy == current.Therapy) || p.Avoid.Contains(current.Therapy))
        {
            return;
        }

        var lepto = p.E.Case.Disease.BrainMetastases?.Leptomeningeal == true;
        var cnsTreatment = lepto ? "treatment of the leptomeningeal disease (radiotherapy to symptomatic sites; intrathecal therapy in a specialist centre)" : "whole-brain radiotherapy";
        var c = new Candidate(current.Therapy, Preference.OtherRecommended,
            $"Continue {p.Name(current.Therapy)}{HistoryReader.Since(current)} for the extracranial disease it still controls, with {cnsTreatment}: the alternative to switching, where the switch cannot be given or is declined", 900)
        {
            IsContinuedBeside = true,
        };
        c.Cite(p.E.Kb.Rule(FailureId)?.Provenance.Sources ?? []);
        p.Candidates.Add(c);
        CandidateFilters.Apply(p, [c]);
    }
}
