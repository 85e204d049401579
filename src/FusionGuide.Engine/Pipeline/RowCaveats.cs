using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Pipeline;

/// <summary>
/// What a row of the result says about the fact that decided it, beside the global unverified-knowledge warning
/// (issue #17 item 4): a fact whose sources disagree is named on the row it decides, in one short clause, with the
/// knowledge base's summary of the disagreement (both sides and their evidence: <c>fusionguide kb audit</c>).
/// Every rationale writer and row builder calls this one function, so the wording is the same everywhere.
/// </summary>
internal static class RowCaveats
{
    /// <summary>"sources disagree: …" for a disputed fact; null when its sources agree (or no dispute is recorded).</summary>
    public static string? Disputed(Provenance fact) => fact.Disputed is { } d ? $"sources disagree: {d.Summary.TrimEnd('.')}" : null;
}
