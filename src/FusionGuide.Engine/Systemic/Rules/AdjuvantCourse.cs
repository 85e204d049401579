using FusionGuide.Domain;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// The adjuvant course already in the history of a resected tumour. SYS-ADJ-003: a course recorded as completed is not
/// offered again — the patient is in follow-up, and a recurrence is a new, advanced-disease question (ALINA compared one
/// adjuvant course, alectinib or chemotherapy, never one after the other). SYS-ADJ-004: a therapy of the adjuvant table
/// taken now is continued for the course the table describes, not offered as if it were still to start. A therapy
/// stopped for intolerance is avoided, as in advanced disease (SET-INTOL-001). Sources: the rule catalogue (ALINA).
/// </summary>
internal static class AdjuvantCourse
{
    public const string CompletedId = "SYS-ADJ-003";
    public const string OngoingId = "SYS-ADJ-004";

    /// <summary>
    /// The therapies recorded as completed, in history order; empty when none is. The contract cannot say whether a
    /// course was given before or after the operation, so a completed course of a resected tumour is read as its
    /// (neo)adjuvant course (README, "The adjuvant course in the history").
    /// </summary>
    public static IReadOnlyList<HistoryEntry> Completed(PlanState p) =>
        [.. p.E.Case.History.Where(h => h.StopReason == StopReason.Completed)];

    /// <summary>No further adjuvant therapy after a completed course: said as what comes next, with the course named.</summary>
    public static void SayCompleted(PlanState p, IReadOnlyList<HistoryEntry> completed)
    {
        var given = string.Join("; ", completed.Select(h => $"{p.Name(h.Therapy)}{HistoryReader.Span(h)}"));
        var msg = $"The adjuvant course is recorded as completed — {given}: no further adjuvant systemic therapy is offered after it; follow-up continues. "
            + "At a recurrence, biopsy it (tissue, or plasma NGS) and describe the recurrent disease: the plan is then the one for advanced disease.";
        var sources = p.E.Kb.Rule(CompletedId)?.Provenance.Sources ?? [];
        p.E.Warn(WarningCodes.WhatComesNext, msg);
        p.E.Fire(CompletedId, msg, sources);
    }

    /// <summary>The table's entry for the therapy taken now, if the table lists it; null otherwise.</summary>
    public static RegimenEntry? Ongoing(PlanState p, Regimen table) =>
        p.H.Ongoing is { } now ? table.Entries.FirstOrDefault(x => x.Therapy == now.Therapy) : null;

    /// <summary>
    /// The adjuvant approval in force in the case's region for the TKI taken now, when the table does not list it
    /// (alectinib on its label while the last adjuvant table held lists chemotherapy only); null otherwise.
    /// </summary>
    public static Approval? OngoingOnLabel(PlanState p, Regimen? table) =>
        p.H.Ongoing is { } now && p.IsTargeted(now.Therapy) && (table is null || table.Entries.All(x => x.Therapy != now.Therapy))
            && p.Standing(p.E.Kb.Drug(now.Therapy), ApprovalSetting.Adjuvant) is { Standing: Standing.Approved, Record: { } record }
            ? record
            : null;

    /// <summary>
    /// SYS-ADJ-004 on the label: the adjuvant TKI taken now, approved for adjuvant use in the region but not listed by the
    /// table in force, is continued as its label sets the course out — never replaced mid-course by the table's
    /// chemotherapy.
    /// </summary>
    public static void ContinueOnLabel(PlanState p, Approval record)
    {
        var now = p.H.Ongoing!;
        var name = p.Name(now.Therapy);
        var indication = record.Indication is { } ind ? $": {ind.TrimEnd('.')}" : "";
        var evidence = $"On adjuvant {name}{HistoryReader.Since(now)}: continue the adjuvant course as its label sets it out (approved in {record.Region.Code()} for adjuvant use, {record.Approved()}{indication}); no guideline table in the knowledge base in force on {p.E.AsOfText} lists it yet";
        var c = new Candidate(now.Therapy, Preference.Preferred, evidence, 0) { IsContinuation = true };
        c.Cite(record.Provenance.Sources);
        p.Candidates.Add(c);
        p.E.Fire(OngoingId, $"{evidence}.", [.. p.E.Kb.Rule(OngoingId)?.Provenance.Sources ?? [], .. record.Provenance.Sources]);
    }

    /// <summary>The adjuvant therapy taken now as the one, preferred option, with the course the table describes.</summary>
    public static void Continue(PlanState p, Regimen table, RegimenEntry entry)
    {
        var now = p.H.Ongoing!;
        var name = p.Name(now.Therapy);
        var since = HistoryReader.Since(now);
        var evidence = $"On adjuvant {name}{since}: continue the adjuvant course as the table in force sets it out ({p.E.Cite(table.Guideline)}; {OptionWriter.LowerCaseStart(entry.Rationale.TrimEnd('.'))})";
        var c = new Candidate(now.Therapy, Preference.Preferred, evidence, 0) { IsContinuation = true };
        c.Cite([table.Guideline, .. entry.Provenance.Sources]);
        p.E.UsedUnverified($"{table.Id}/{Codes.Therapy.Code(entry.Therapy)}", entry.Provenance);
        p.Candidates.Add(c);
        p.E.Fire(OngoingId, $"{evidence}.", p.E.Kb.Rule(OngoingId)?.Provenance.Sources ?? []);
    }
}
