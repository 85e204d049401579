using FusionGuide.Domain;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-ADJ-005: advanced disease after a TKI course recorded as completed (an adjuvant course, read as such: SYS-ADJ-003)
/// is planned as advanced disease, and the plan says what came before. The same TKI offered again says that the disease
/// did not progress on the earlier course and that no guideline table in the knowledge base addresses re-treatment after
/// a completed course — never silently, as if the patient had not had it. Sources: the rule catalogue (ALINA).
/// </summary>
internal static class CompletedCourse
{
    public const string Id = "SYS-ADJ-005";

    /// <summary>
    /// What a recurrence after a completed course leaves open, however soon it came (2 months after 2 years of adjuvant
    /// alectinib was read only as "did not progress on it"): no interval is set as a threshold, since the knowledge base
    /// records none, so the test that answers it is named instead.
    /// </summary>
    private const string Unknown = "whether this recurrence is sensitive disease returning or resistance acquired on it is not known without a biopsy with resistance testing (tissue, or plasma NGS) before re-treating with it";

    /// <summary>The completed targeted courses, in history order: "alectinib (2021-01-01 to 2023-01-01)".</summary>
    public static IReadOnlyList<HistoryEntry> Of(PlanState p) =>
        [.. p.E.Case.History.Where(h => h.StopReason == StopReason.Completed && p.IsTargeted(h.Therapy))];

    /// <summary>Each completed course said in the trace, and in the rationale of the same TKI when it is offered again.</summary>
    public static void Say(PlanState p)
    {
        var sources = p.E.Kb.Rule(Id)?.Provenance.Sources ?? [];
        foreach (var course in Of(p))
        {
            var name = p.Name(course.Therapy);
            var span = HistoryReader.Span(course).Trim();
            var again = p.Candidates.FirstOrDefault(c => c.Therapy == course.Therapy && c.Combination is null);
            again?.Notes.Add($"{name} again: the earlier course{(span.Length == 0 ? "" : $" {span}")} was completed, and the disease did not progress on it; {Unknown}; no guideline table in the knowledge base addresses re-treatment after a completed course");
            again?.Cite(sources);
            p.E.Fire(Id, $"A completed course of {name}{(span.Length == 0 ? "" : $" {span}")}, without progression on it, precedes this plan: {(again is null ? $"{name} is not among the options" : $"{name} is offered again, and its rationale says so")}.", sources);
        }
    }
}
