using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>A swap as it is written on a row.</summary>
internal sealed record SwapText(string Text, IReadOnlyList<string> References);

/// <summary>
/// SAFE-INT-004: the usual alternative to a co-medication (azithromycin for clarithromycin, rosuvastatin or pravastatin
/// for atorvastatin, levetiracetam for an enzyme-inducing antiepileptic), shown when the pair interacts through one of the
/// classes the swap avoids. Each alternative is checked against the same therapy from both labels, so a swap that brings
/// its own interaction (azithromycin and a QT-prolonging TKI) says so instead of looking clean.
/// </summary>
internal static class InteractionSwap
{
    public static SwapText? For(Evaluation e, Therapy therapy, string med, string generic, IReadOnlyList<InteractionFinding> findings)
    {
        if (e.Kb.Comedication(generic) is not { Swap: { } swap } record || !Applies(swap, record, findings))
        {
            return null;
        }

        e.UsedUnverified(swap.Id, swap.Provenance);
        var checks = swap.To.Select(alt => Check(e, therapy, alt));
        var text = $"Swap: {swap.Text} Check: {string.Join("; ", checks)}.";
        e.Fire(RuleIds.InteractionSwap, $"{med} + {e.Name(therapy)}: {text}", swap.Provenance.Sources);
        return new SwapText(text, swap.Provenance.Sources);
    }

    /// <summary>The swap answers a finding about one of its classes (a rule naming the medication counts through the medication's classes).</summary>
    private static bool Applies(ComedicationSwap swap, Comedication record, IReadOnlyList<InteractionFinding> findings) =>
        findings.Any(f => f.Class is { } c ? swap.Reasons.Contains(c) : record.Classes.Any(swap.Reasons.Contains));

    /// <summary>"azithromycin has no interaction rule with lorlatinib in either label" or "azithromycin is itself major with crizotinib (qt-prolonging)".</summary>
    private static string Check(Evaluation e, Therapy therapy, string alternative)
    {
        var own = InteractionFindings.Quietly(e, therapy, alternative);
        if (own.Count == 0)
        {
            return $"{alternative} has no interaction rule with {e.Name(therapy)} in either label";
        }

        var worst = own.OrderBy(f => f.Severity).First();
        return $"{alternative} is itself {worst.Severity.Code()} with {e.Name(therapy)} ({string.Join(", ", own.Select(f => f.Mechanism).Distinct(StringComparer.Ordinal))})";
    }
}
