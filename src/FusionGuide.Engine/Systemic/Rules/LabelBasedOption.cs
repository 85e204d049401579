using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-LABEL-001: after progression on a TKI, a TKI of the case's kinase that no guideline table of the knowledge base in
/// force on asOf places (in any setting) but whose label in the case's region covers treatment after a prior inhibitor on
/// asOf is offered as a label-based option — certain circumstances, so ranked after every guideline option of higher
/// preference. Within certain circumstances the genotype key decides first (a drug the findings rate sensitive before one
/// whose activity is not recorded); at equal genotype the ranking key "regional approval and a label the knowledge base
/// has read" (Ranking, used only while such an option is a candidate) puts approved drugs whose label is read ahead of
/// it and it ahead of off-label or unknown-standing ones, then guideline order: after the table's own entries, before the
/// genotype-directed additions of SYS-RES-006 (order 400 before 500), which rest on resistance data outside any label
/// or table, while this option rests on an approval for exactly this setting. The option
/// says that no guideline placement is recorded; when a resistance mutation was found and the knowledge base records no
/// activity of the drug against it, it says that too (the genotype key then ranks it after drugs rated sensitive).
/// Only an approval in force on asOf counts, so an earlier asOf never offers it; a case without a region offers it
/// nowhere (an approval decides, and none is known to apply). Alone it does not keep the plan targeted: when no TKI a
/// guideline places is left, the conventional pathway applies (SYS-POST-001) with this option beside it. The filters (access, resistance, contraindications) then
/// decide whether it stays. First case: zidesamtinib, US approval 22 Jul 2026 after at least one ROS1 TKI, no NCCN/ESMO
/// table in the stored sources. Sources: the rule catalogue and the approval record.
/// </summary>
internal static class LabelBasedOption
{
    public const string Id = "SYS-LABEL-001";
    public const string ApprovedSinceTableId = "SYS-LABEL-002";
    public const string WithoutTableId = "SYS-LABEL-003";
    public const string UnansweredProgressionId = "SYS-LABEL-004";
    public const string AfterIntoleranceId = "SYS-LABEL-005";

    /// <summary>After the table's entries and the genotype-matched alternative (100), before SYS-RES-006's additions (500).</summary>
    private const int LabelBasedOrder = 400;

    public static void Add(PlanState p, Therapy? progressedOn)
    {
        // A progression answered as a failure counts even when the TKI has no end date (SYS-CONT-007: leptomeningeal
        // progression on repotrectinib still reaches zidesamtinib's label).
        if (!p.H.AnyTargetedFailure && progressedOn is null)
        {
            return;
        }

        var added = new List<Candidate>();
        // A label written for first-line use does not cover use after a prior inhibitor, even where the region's standing
        // reads it as approved for later lines (Access.StandingOf): only a subsequent-line or advanced-disease label is the
        // regulator's answer after progression.
        foreach (var (therapy, record) in ApprovedNotYetOffered(p, ApprovalSetting.Subsequent, t => GuidelinePlaced(p, t))
                     .Where(x => x.Record.Setting is ApprovalSetting.Subsequent or ApprovalSetting.Advanced))
        {
            var scope = record.Setting == ApprovalSetting.Subsequent ? $"use after a prior {p.KinaseCode} TKI" : $"{p.KinaseCode}-positive advanced NSCLC";
            var c = Offer(p, therapy, record, added, $"label-based option: {p.Name(therapy)} is approved in {record.Region.Code()} for {scope} ({record.Approved()}); no guideline table in the knowledge base places it (no NCCN or ESMO placement recorded), so it is offered in certain circumstances, after the guideline's options");
            if (p.Profile.HasGenotype && !p.Profile.For(therapy).Any(f => f.Set.Gene == p.Kinase))
            {
                var found = string.Join(", ", p.Profile.Sets.Where(s => s.Gene == p.Kinase).Select(s => s.Name));
                c.Notes.Add($"its activity against {found} is not recorded in the knowledge base");
            }
        }

        FilterAndTrace(p, added, Id, c => $"{p.Name(c.Therapy)}: approved in {p.E.Case.Context.Region?.Code()} after a prior {p.KinaseCode} TKI on {p.E.AsOfText} and placed by no guideline table of the knowledge base", []);
    }

    /// <summary>
    /// SYS-LABEL-002: first line (or adjuvant), a TKI of the case's kinase approved in the case's region for that use after the
    /// guideline document the table in force rests on was certainly published, and absent from that table, is offered as a
    /// label-based option (certain circumstances, after the table's options). The table cannot have weighed a drug that
    /// was not yet approved; the knowledge base holds no later version for the date (entrectinib for ROS1 from its US
    /// approval on 2019-08-15 while the NCCN 2019 text answers), so the option says no guideline placement is recorded
    /// rather than leaving the drug out. First line only: after progression a drug's use depends on what it was given
    /// after (entrectinib after crizotinib only for CNS-only progression), which a label for "advanced disease" does not
    /// say; SYS-LABEL-001 covers labels written for use after a prior inhibitor. After complete resection the same holds for
    /// an adjuvant label (alectinib, US 2024-04-18 on ALINA, while the last adjuvant table held lists chemotherapy only).
    /// Sources: the rule catalogue and the approval record.
    /// </summary>
    public static void AddApprovedSinceTable(PlanState p, Regimen table, Therapy? progressedOn)
    {
        if (progressedOn is not null || p.H.AnyTargetedFailure || p.E.Kb.Reference(table.Guideline) is not { KnownFrom: { } known } guideline)
        {
            return;
        }

        // The guideline was written by the day its table starts to apply, if that is earlier than the day its publication
        // is certain (a guideline dated to the year only, ASCO/OH 2022.3 "2023", is applied from 2023-01-01): a drug
        // approved after that day (repotrectinib, 2023-11-15) cannot have been weighed by it.
        var written = table.Applies.From is { } from && from < known ? from : known;

        var added = new List<Candidate>();
        var later = ApprovedNotYetOffered(p, p.ApprovalSetting, t => table.Entries.Any(x => x.Therapy == t)).Where(x => x.Record.Date >= written);
        // After complete resection the label's own indication is quoted: it names the population and the duration.
        var adjuvant = p.ApprovalSetting == ApprovalSetting.Adjuvant;
        foreach (var (therapy, record) in later)
        {
            var scope = adjuvant ? AdjuvantScope(record) : $"{p.KinaseCode}-positive advanced NSCLC ({record.Approved()})";
            Offer(p, therapy, record, added, $"label-based option: {p.Name(therapy)} is approved in {record.Region.Code()} for {scope}, after the guideline this table rests on was published ({p.E.Cite(table.Guideline)}, {guideline.Published}); the knowledge base holds no later version for {p.E.AsOfText}, so no guideline placement is recorded and it is offered in certain circumstances, after the guideline's options");
        }

        FilterAndTrace(p, added, ApprovedSinceTableId, c => $"{p.Name(c.Therapy)}: approved in {p.E.Case.Context.Region?.Code()} for {(adjuvant ? "adjuvant" : "first-line")} use after {p.E.Cite(table.Guideline)} ('{table.Id}', the table in force on {p.E.AsOfText}) was published, and not listed in it", [table.Guideline]);
    }

    /// <summary>
    /// SYS-LABEL-003: when no guideline table of the knowledge base applies on the evaluation date (SYS-TABLE-002 has said
    /// so), what a regional approval in force then covers is offered as a label-based option (certain circumstances).
    /// First line: a TKI of the case's kinase approved for first-line or advanced disease (crizotinib for ROS1 from
    /// 2016-03-11, before the first ROS1 table held). After progression: only a TKI whose label was written for use after
    /// the TKI the disease just progressed on (the approval's <c>after</c>: ceritinib, alectinib and brigatinib after
    /// crizotinib in 2014-2017) — a label for "advanced disease" or "previously treated" patients does not say after which
    /// drug it works, and the 2014-2017 labels were never written for use after lorlatinib. Such an option is the
    /// regulator's answer for exactly this sequence while no guideline is held, so it keeps the plan targeted (chemotherapy
    /// is what comes next), unlike SYS-LABEL-001's, which stands beside a guideline's table. An approval is not later
    /// guideline content: it was in force on the date. The genotype still directs after progression (SYS-RES-006, with the
    /// resistance data published by the date). Where the region's standing of a TKI is not known, its dated label
    /// elsewhere is the basis named (ApprovedElsewhere). Sources: the rule catalogue and the approval records.
    /// </summary>
    public static void AddWithoutTable(PlanState p, Therapy? progressedOn)
    {
        if (progressedOn is { } last)
        {
            OfferWrittenForUseAfter(p, last, WithoutTableId,
                $"no guideline table in the knowledge base applies on {p.E.AsOfText}, so no guideline placement is recorded",
                $" on {p.E.AsOfText}, when no guideline table of the knowledge base applies");
            return;
        }

        var added = new List<Candidate>();

        // A TKI still taken despite progression is answered as a progression (progressedOn is set), never as first line.
        if (p.H.AnyTargetedFailure)
        {
            return;
        }

        // After complete resection the label's own indication is quoted: it names the population and the duration.
        var adjuvant = p.ApprovalSetting == ApprovalSetting.Adjuvant;

        // A label for use after a TKI the patient could not tolerate (Access.StandingOf reads it as covering them) is
        // named as that label, not as one for advanced disease.
        string Scope(Approval record) => adjuvant ? AdjuvantScope(record)
            : record.Setting == ApprovalSetting.Subsequent && record.AfterIntolerance
                ? $"use after {string.Join(" or ", record.After.Select(p.Name))}, for patients whose disease progressed on it or who could not tolerate it, as this patient could not ({record.Approved()})"
                : $"{p.KinaseCode}-positive advanced NSCLC ({record.Approved()})";

        foreach (var (therapy, record) in ApprovedNotYetOffered(p, p.ApprovalSetting, _ => false))
        {
            Offer(p, therapy, record, added, $"label-based option: {p.Name(therapy)} is approved in {record.Region.Code()} for {Scope(record)}; no guideline table in the knowledge base applies on {p.E.AsOfText}, so no guideline placement is recorded and it is offered in certain circumstances");
        }

        // A TKI whose standing in the region is not known is named on its approval elsewhere, after the region's own
        // (crizotinib in China 2013-2016 and in Turkey: the answer was "no ALK TKI is approved" and a trial only).
        var elsewhere = new Dictionary<Candidate, Approval>();
        if (!adjuvant)
        {
            foreach (var (therapy, record) in ApprovedElsewhere(p, p.ApprovalSetting).DistinctBy(x => x.Therapy))
            {
                elsewhere[Offer(p, therapy, record, added, $"label-based option: {p.Name(therapy)} is approved in {record.Region.Code()} for {Scope(record)}{StandingHereNotAssessed(p)}; no guideline table in the knowledge base applies on {p.E.AsOfText}, so no guideline placement is recorded and it is offered in certain circumstances")] = record;
            }
        }

        // A TKI stopped for intolerance alone leaves the setting first-line (contract 1.1), but a label written for use
        // after it that covers intolerance ("progressed on or intolerant to crizotinib") is the regulator's answer for
        // exactly this patient while no guideline table applies (alectinib, ceritinib, brigatinib after crizotinib, 2014-17).
        var afterIntolerance = adjuvant ? [] : OfferAfterIntolerance(p, added, $"no guideline table in the knowledge base applies on {p.E.AsOfText}, so no guideline placement is recorded", keepsPlanTargeted: false);

        FilterAndTrace(p, added, WithoutTableId, c => afterIntolerance.TryGetValue(c, out var stopped)
            ? $"{p.Name(c.Therapy)}: approved in {p.E.Case.Context.Region?.Code()} on {p.E.AsOfText} for use after {p.Name(stopped)} in patients intolerant to it, as this patient is, when no guideline table of the knowledge base applies"
            : elsewhere.TryGetValue(c, out var record)
                ? $"{p.Name(c.Therapy)}: approval in {RegionWords(p)} not known to the knowledge base, approved in {record.Region.Code()} for first-line use on {p.E.AsOfText}, when no guideline table of the knowledge base applies"
                : $"{p.Name(c.Therapy)}: approved in {p.E.Case.Context.Region?.Code()} for {(adjuvant ? "adjuvant" : "first-line")} use on {p.E.AsOfText}, when no guideline table of the knowledge base applies", []);
    }

    /// <summary>An adjuvant label's scope in words, quoting its indication (it names the population and the duration).</summary>
    private static string AdjuvantScope(Approval record) =>
        $"adjuvant use after complete resection ({record.Approved()}{(record.Indication is { } ind ? $": {ind.TrimEnd('.')}" : "")})";

    /// <summary>
    /// SYS-LABEL-005: first line after a TKI stopped for intolerance alone, with a first-line table in force. The table is
    /// written for inhibitor-naive patients; a label written for use after that TKI which covers intolerance ("resistant or
    /// intolerant to an ALK TKI": lorlatinib in Japan from 2018-09-21, while the first-line table did not list it) is the
    /// regulator's answer for exactly this patient, so the drug is offered on it in certain circumstances, beside the
    /// table's options. A drug the table already lists is not added twice. Sources: the rule catalogue and the approval record.
    /// </summary>
    public static void AddAfterIntoleranceBesideTable(PlanState p, Regimen table)
    {
        var added = new List<Candidate>();
        var afterIntolerance = OfferAfterIntolerance(p, added, $"{p.E.Cite(table.Guideline)} (the first-line table in force) does not list it, so no guideline placement is recorded for this use", keepsPlanTargeted: false);
        FilterAndTrace(p, added, AfterIntoleranceId, c => $"{p.Name(c.Therapy)}: approved in {p.E.Case.Context.Region?.Code()} on {p.E.AsOfText} for use after {p.Name(afterIntolerance[c])} in patients intolerant to it, as this patient is; the first-line table in force ('{table.Id}') does not list it", []);
    }

    /// <summary>
    /// Offers each TKI approved in the case's region for use after a TKI this patient stopped for intolerance, whose label
    /// covers intolerance (<c>afterIntolerance</c>); returns each candidate with the TKI it follows.
    /// </summary>
    private static Dictionary<Candidate, Therapy> OfferAfterIntolerance(PlanState p, List<Candidate> added, string noPlacement, bool keepsPlanTargeted)
    {
        var offered = new Dictionary<Candidate, Therapy>();
        foreach (var stopped in p.H.Intolerant.Select(h => h.Therapy).Where(p.IsTargeted).Distinct())
        {
            foreach (var (therapy, record) in ApprovedNotYetOffered(p, ApprovalSetting.Subsequent, _ => false)
                .Where(x => x.Record.AfterIntolerance && x.Record.After.Contains(stopped)))
            {
                offered[Offer(p, therapy, record, added, $"label-based option: {p.Name(therapy)} is approved in {record.Region.Code()} for use after {p.Name(stopped)}, for patients whose disease progressed on it or who could not tolerate it ({record.Approved()}); {noPlacement} and it is offered in certain circumstances", keepsPlanTargeted)] = stopped;
            }
        }

        return offered;
    }

    /// <summary>
    /// SYS-LABEL-004: guideline tables apply on the date, but none answers progression on the TKI the disease just
    /// progressed on (ROS1 after lorlatinib: the tables answer progression on crizotinib or entrectinib). A TKI whose label
    /// in the case's region was written for use after it — a subsequent-line label naming it, or one for advanced disease
    /// "with or without a prior ROS1 TKI" (repotrectinib, taletrectinib) — is offered on that label, even if a table places
    /// it elsewhere: it is the regulator's answer for this sequence where the knowledge base holds no guideline's, so it
    /// keeps the plan targeted (certain circumstances; chemotherapy is what comes next), as SYS-LABEL-003 does when no table
    /// applies at all. Sources: the rule catalogue and the approval records.
    /// </summary>
    public static void AddForUnansweredProgression(PlanState p, Therapy last) =>
        OfferWrittenForUseAfter(p, last, UnansweredProgressionId,
            $"no guideline table in the knowledge base answers progression on {p.Name(last)}, so no guideline placement is recorded for this sequence",
            $", a progression no guideline table of the knowledge base answers on {p.E.AsOfText}");

    /// <summary>
    /// The TKIs whose label was written for use after <paramref name="last"/>, offered on it and keeping the plan targeted
    /// (SYS-LABEL-003 and -004): <paramref name="noPlacement"/> says why no guideline placement is recorded, and
    /// <paramref name="when"/> ends the trace line (with its own leading space or comma). The TKIs the disease progressed
    /// on before the last one matter: a label branch "after crizotinib and at least one other ALK inhibitor" covers the
    /// second only when crizotinib came first.
    /// </summary>
    private static void OfferWrittenForUseAfter(PlanState p, Therapy last, string ruleId, string noPlacement, string when)
    {
        var earlier = EarlierFailures(p, last);
        var added = new List<Candidate>();
        var elsewhere = new Dictionary<Candidate, Approval>();
        foreach (var (therapy, record) in WrittenForUseAfter(p, last, earlier))
        {
            // A label that covers this patient only through an earlier TKI stands beside the conventional pathway rather
            // than replacing it — it was not written for progression on the TKI just failed — unless the genotype found
            // rates the drug sensitive (ceritinib for I1171T after alectinib, Ou 2014).
            var exact = WrittenForLast(record, last, earlier) || CoversLaterGeneration(p, therapy, record, last) || p.Profile.Of(therapy) == Activity.Sensitive;
            var here = record.Region == p.E.Case.Context.Region ? "" : StandingHereNotAssessed(p);
            var c = Offer(p, therapy, record, added, $"label-based option: {p.Name(therapy)} is approved in {record.Region.Code()} for {WrittenFor(p, therapy, record, last, earlier)} ({record.Approved()}){here}; {noPlacement} and it is offered in certain circumstances", keepsPlanTargeted: exact);
            if (record.Region != p.E.Case.Context.Region)
            {
                elsewhere[c] = record;
            }
        }

        FilterAndTrace(p, added, ruleId, c => elsewhere.TryGetValue(c, out var record)
            ? $"{p.Name(c.Therapy)}: approval in {RegionWords(p)} not known to the knowledge base, approved in {record.Region.Code()} for use after {p.Name(last)}{when}"
            : $"{p.Name(c.Therapy)}: approved in {p.E.Case.Context.Region?.Code()} for use after {p.Name(last)}{when}", []);
    }

    /// <summary>
    /// The TKIs approved in the case's region whose label was written for use after <paramref name="last"/> (not a
    /// candidate, not avoided): what the regulator offers at progression on a TKI that no guideline table of the
    /// knowledge base answers (SYS-NEXT-001 names them for a TKI continued now).
    /// </summary>
    public static IReadOnlyList<(Therapy Therapy, Approval Record)> LabelledForUseAfter(PlanState p, Therapy last) =>
        [.. WrittenForUseAfter(p, last, EarlierFailures(p, last))];

    /// <summary>The TKIs the disease progressed on before <paramref name="last"/> (a label branch may name a sequence).</summary>
    private static List<Therapy> EarlierFailures(PlanState p, Therapy last) =>
        [.. p.H.Failed.Select(f => f.Therapy).Where(t => t != last && p.IsTargeted(t))];

    /// <summary>
    /// The TKIs approved in the case's region (not yet candidates, not avoided) whose label was written for use after
    /// <paramref name="last"/>: a subsequent-line label naming it (or a sequence ending with it), or an advanced-disease
    /// label "with or without a prior TKI" that lists it in <c>after</c>.
    /// </summary>
    private static IEnumerable<(Therapy Therapy, Approval Record)> WrittenForUseAfter(PlanState p, Therapy last, IReadOnlyList<Therapy> earlier)
    {
        bool Written((Therapy Therapy, Approval Record) x) => x.Record.Setting is ApprovalSetting.Subsequent or ApprovalSetting.Advanced
            && (WrittenForLast(x.Record, last, earlier) || CoversAfterEarlier(p, x.Therapy, x.Record, last, earlier) || CoversLaterGeneration(p, x.Therapy, x.Record, last));

        // The region's approvals first; a TKI whose standing there is not known, on its earliest such label elsewhere.
        return ApprovedNotYetOffered(p, ApprovalSetting.Subsequent, _ => false).Where(Written)
            .Concat(ApprovedElsewhere(p, ApprovalSetting.Subsequent).Where(Written).DistinctBy(x => x.Therapy))
            // A label written for exactly this sequence is the regulator's first answer (lorlatinib's 2018 label after
            // crizotinib then brigatinib), before one that covers it only through an earlier TKI.
            .OrderBy(x => WrittenForLast(x.Record, last, earlier) ? 0 : 1);
    }

    /// <summary>A label naming the TKI just failed, or a sequence ending with it.</summary>
    private static bool WrittenForLast(Approval record, Therapy last, IReadOnlyList<Therapy> earlier) =>
        record.After.Contains(last) || record.SequenceEndingWith(last, earlier) is not null;

    /// <summary>
    /// A subsequent-line label naming a TKI the disease progressed on before the last ("progressed on or intolerant to
    /// crizotinib" still covers a patient who had ceritinib after crizotinib: alectinib, US 2016, which controlled the
    /// brain metastases in Respirol Case Rep 2017;5:e00224) — offered only when the drug is of no earlier generation
    /// than the TKIs given since (brigatinib's "after crizotinib" label is no answer to progression on lorlatinib).
    /// </summary>
    private static bool CoversAfterEarlier(PlanState p, Therapy therapy, Approval record, Therapy last, IReadOnlyList<Therapy> earlier)
    {
        if (record.Setting != ApprovalSetting.Subsequent || record.EarlierAfter(earlier) is not { } named || p.E.Kb.Drug(therapy).Generation is not { } generation)
        {
            return false;
        }

        var failed = p.H.Failed.Select(f => f.Therapy).ToList();
        var since = failed.Skip(failed.IndexOf(named) + 1).Append(last).Where(p.IsTargeted).Distinct();
        return since.All(t => p.E.Kb.Drug(t).Generation is { } g && g <= generation);
    }

    /// <summary>
    /// An advanced-disease label with no line restriction and no list of prior TKIs (lorlatinib in the US from 2021-03-03,
    /// in China from 2022) covers a patient whose disease progressed on an earlier-generation TKI of the kinase that no
    /// guideline table answers (ensartinib, first line in China from 2022 and in the US from 2024-12-18, before the
    /// NCCN v5.2025 table names it): lorlatinib was left out and only chemotherapy offered. Only a later generation than
    /// the TKI failed: an unrestricted label of the same or an earlier generation (crizotinib after alectinib) is no answer
    /// to resistance, and the drug records' generation is what the knowledge base says about that.
    /// </summary>
    private static bool CoversLaterGeneration(PlanState p, Therapy therapy, Approval record, Therapy last) =>
        record.Setting == ApprovalSetting.Advanced && record.After.Count == 0 && record.AfterSequence.Count == 0
        && p.E.Kb.Drug(therapy).Generation is { } next && p.E.Kb.Drug(last).Generation is { } failed && next > failed;

    /// <summary>
    /// What the label was written for, in this patient's words: use after the last TKI; for a sequence branch, use after
    /// "crizotinib and then another inhibitor (brigatinib here)"; for an unrestricted label of a later generation, advanced
    /// disease with no line restriction.
    /// </summary>
    private static string WrittenFor(PlanState p, Therapy therapy, Approval record, Therapy last, IReadOnlyList<Therapy> earlier)
    {
        if (record.After.Contains(last))
        {
            return $"use after {p.Name(last)}";
        }

        if (record.SequenceEndingWith(last, earlier) is { } sequence)
        {
            return $"use after {p.Name(sequence.First)} and then another inhibitor ({p.Name(last)} here)";
        }

        if (record.EarlierAfter(earlier) is { } before)
        {
            return $"use after {p.Name(before)}, on which this patient's disease progressed before {p.Name(last)} (the label sets no condition on a line in between)";
        }

        return $"{p.KinaseCode}-positive advanced NSCLC with no line restriction, which covers this patient after {p.Name(last)} ({p.Name(therapy)} is a later-generation inhibitor in the knowledge base)";
    }

    /// <summary>
    /// The TKIs of the case's kinase approved in the case's region for <paramref name="setting"/> on the evaluation date
    /// (with a dated approval record), not yet a candidate, not avoided, and not <paramref name="listed"/>.
    /// </summary>
    private static List<(Therapy Therapy, Approval Record)> ApprovedNotYetOffered(PlanState p, ApprovalSetting setting, Func<Therapy, bool> listed) =>
    [
        .. from drug in p.E.Kb.Drugs
           where drug.Inhibits(p.Kinase) && !listed(drug.Therapy) && !p.Candidates.Any(c => c.Therapy == drug.Therapy) && !p.Avoid.Contains(drug.Therapy)
           let standing = p.Standing(drug, setting)
           where standing.Standing == Standing.Approved && standing.Record?.Date is not null
           select (drug.Therapy, standing.Record!),
    ];

    /// <summary>
    /// The TKIs of the case's kinase (not yet a candidate, not avoided) whose standing in the case's region is not known —
    /// a record of unknown status or none (Turkey, crizotinib in China before a dated record), or no region assessed
    /// (region "other" or none given) — with each dated approval for <paramref name="setting"/> in force on the evaluation
    /// date in another jurisdiction, earliest first. The knowledge base cannot say such a drug is unavailable where the
    /// patient is treated, so its label elsewhere is named as the basis and the region's standing is said (the regional
    /// filter adds the approval-unknown warning); a drug known not to be approved in the region is never offered this way.
    /// </summary>
    private static IEnumerable<(Therapy Therapy, Approval Record)> ApprovedElsewhere(PlanState p, ApprovalSetting setting) =>
        from drug in p.E.Kb.Drugs
        where drug.Inhibits(p.Kinase) && !p.Candidates.Any(c => c.Therapy == drug.Therapy) && !p.Avoid.Contains(drug.Therapy)
            && p.Standing(drug, setting).Standing is Standing.Unknown or Standing.NotAssessed
        from region in drug.Approvals.Select(a => a.Region).Distinct()
        where region != p.E.Case.Context.Region
        let standing = p.StandingIn(region, drug, setting)
        where standing.Standing == Standing.Approved && standing.Record?.Date is not null
        orderby standing.Record!.Date
        select (drug.Therapy, standing.Record!);

    /// <summary>The case's region in words, for a standing the knowledge base does not know.</summary>
    private static string RegionWords(PlanState p) => p.E.Case.Context.Region is { } r and not Region.Other ? r.Code() : "the patient's region";

    /// <summary>
    /// What is said of the region when an approval elsewhere is the basis and the regional filter says nothing: no region
    /// given, or region "other" (a region whose approvals are recorded but unknown gets the filter's own note and warning).
    /// </summary>
    private static string StandingHereNotAssessed(PlanState p) => p.E.Case.Context.Region switch
    {
        null => "; no region is given, so its approval where the patient is treated is not assessed — confirm local access",
        Region.Other => "; its approval in the patient's region (\"other\") is not assessed — confirm local access",
        _ => "",
    };

    /// <summary>
    /// A label-based, certain-circumstances candidate after the guideline's options, citing its approval record. Unless it
    /// <paramref name="keepsPlanTargeted"/>, it alone does not keep the plan targeted (it stands beside the conventional pathway).
    /// </summary>
    private static Candidate Offer(PlanState p, Therapy therapy, Approval record, List<Candidate> added, string why, bool keepsPlanTargeted = false)
    {
        var c = new Candidate(therapy, Preference.CertainCircumstances, why, LabelBasedOrder + added.Count) { IsLabelBased = !keepsPlanTargeted, OnLabel = true };
        c.Cite(record.Provenance.Sources);
        p.E.UsedUnverified(record.Id, record.Provenance);
        p.Candidates.Add(c);
        added.Add(c);
        return c;
    }

    /// <summary>The filters (access, resistance, contraindications) decide whether each stays; the trace says which did.</summary>
    private static void FilterAndTrace(PlanState p, List<Candidate> added, string ruleId, Func<Candidate, string> situation, IReadOnlyList<string> references)
    {
        CandidateFilters.Apply(p, added);
        foreach (var c in added)
        {
            var outcome = p.Candidates.Contains(c) ? "offered as a label-based option (certain circumstances), after the guideline's options" : "not offered (avoided by a filter)";
            p.E.Fire(ruleId, $"{situation(c)}: {outcome}.", [.. references, .. c.References]);
        }
    }

    /// <summary>True when any guideline table of the knowledge base, of any setting or version, lists the therapy for this kinase.</summary>
    /// <summary>
    /// True when a guideline table in force on asOf (in any setting) places the drug. A table that starts later cannot
    /// speak for the date: repotrectinib, approved in the US on 2023-11-15 for use after a ROS1 TKI, was left out after
    /// crizotinib until the 2024 table that lists it applied, although its label covered exactly that patient.
    /// </summary>
    private static bool GuidelinePlaced(PlanState p, Therapy therapy) =>
        p.E.Kb.Regimens.Any(r => (r.Driver == p.Kinase || r.Driver is null) && r.Applies.Contains(p.E.AsOf) && r.Entries.Any(x => x.Therapy == therapy));
}
