using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-DATE-001: a finding is applied only from the day it was first published. A resistance cell, a re-sensitisation
/// record or a trial's figure whose every dated source appeared after the evaluation date is not used on that date
/// (evaluating a 2024 case, taletrectinib's G2032R activity known only from 2025 papers, or CROWN's 7-year figures
/// presented in 2026, did not exist yet), and the trace says what was left out. A source dated only to the month or the
/// year counts from the day its publication is certain (<see cref="FusionGuide.Knowledge.Model.Reference.KnownFrom"/>:
/// the first day of the next month or year), never from an invented first day. A finding none of whose sources carries
/// a date is applied: the knowledge base cannot tell. Guideline tables, approvals and labels carry their own validity
/// and are dated by their own rules. Sources: the rule catalogue.
/// </summary>
internal static class PublishedBy
{
    public const string Id = "SYS-DATE-001";

    /// <summary>
    /// For a finding not yet certainly published on the evaluation date — every source that carries a date is known
    /// only later — how its first publication is written ("2025-06-12", "2025-06", "in 2025"), or null when it was
    /// known then (or no source is dated).
    /// </summary>
    public static string? NotYet(Evaluation e, IEnumerable<string?> sources)
    {
        var dated = sources.OfType<string>().Select(e.Kb.Reference).OfType<Reference>().Where(r => r.KnownFrom is not null).ToList();
        return dated.Count > 0 && dated.All(r => r.KnownFrom > e.AsOf) ? dated.MinBy(r => r.KnownFrom)!.Published : null;
    }

    /// <summary>The sources already published on the evaluation date (an undated one counts): what a dated row may cite.</summary>
    public static List<string> Known(Evaluation e, IEnumerable<string> sources) => [.. sources.Where(x => NotYet(e, [x]) is null)];

    /// <summary>One trace line for the findings left out ("taletrectinib against G2032R (first published 2025-06)").</summary>
    public static void Trace(Evaluation e, IReadOnlyCollection<string> leftOut)
    {
        if (leftOut.Count > 0)
        {
            e.Fire(Id, $"Not applied on {e.AsOfText}, because the knowledge base's sources for them are not known to be published by then: {string.Join("; ", leftOut)}.");
        }
    }
}
