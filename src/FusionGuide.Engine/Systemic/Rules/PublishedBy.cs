using FusionGuide.Engine.Pipeline;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-DATE-001: a finding is applied only from the day it was first published. A resistance cell, a re-sensitisation
/// record or a trial's figure whose every dated source appeared after the evaluation date is not used on that date
/// (evaluating a 2024 case, taletrectinib's G2032R activity known only from 2025 papers, or CROWN's 7-year figures
/// presented in 2026, did not exist yet), and the trace says what was left out. A finding none of whose sources carries
/// a date is applied: the knowledge base cannot tell. Guideline tables, approvals and labels carry their own validity
/// and are dated by their own rules. Sources: the rule catalogue.
/// </summary>
internal static class PublishedBy
{
    public const string Id = "SYS-DATE-001";

    /// <summary>
    /// The first publication date of a finding not yet published on the evaluation date — every source that carries a
    /// date is later — or null when it was known then (or no source is dated).
    /// </summary>
    public static DateOnly? NotYet(Evaluation e, IEnumerable<string?> sources)
    {
        var dates = sources.OfType<string>().Select(id => e.Kb.Reference(id)?.Date).OfType<DateOnly>().ToList();
        return dates.Count > 0 && dates.All(d => d > e.AsOf) ? dates.Min() : null;
    }

    /// <summary>One trace line for the findings left out ("taletrectinib against G2032R (first published 2025-06-01)").</summary>
    public static void Trace(Evaluation e, IReadOnlyCollection<string> leftOut)
    {
        if (leftOut.Count > 0)
        {
            e.Fire(Id, $"Not applied on {e.AsOfText}, because the knowledge base's sources for them were published later: {string.Join("; ", leftOut)}.");
        }
    }
}
