using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Treatment;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// The systemic side of SET-INTOL-001 (the history reader's rule): a therapy stopped for intolerance, or one the label
/// says to stop for an adverse event recorded on it now, is avoided; a TKI of the same standing follows, not a later line.
/// </summary>
internal static class Intolerance
{
    public const string Id = RuleIds.Intolerance;

    public static void RuleOut(PlanState p)
    {
        foreach (var f in p.H.Intolerant)
        {
            p.Avoid.Add(f.Therapy, $"stopped for intolerance{HistoryReader.Span(f)}");
        }

        if (p.H.Current is { } current && p.MustStop(current) is { } stop)
        {
            p.Avoid.Add(current.Therapy, stop, p.E.Kb.Toxicity(current.Therapy)?.Provenance.Sources);
            p.E.Fire(Id, $"{p.Name(current.Therapy)} must stop ({stop}): a TKI of the same standing follows, not a later line.");
        }
    }
}
