using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Engine;

namespace FusionGuide.Cohort.Impact;

/// <summary>How one case's answer differs between two knowledge releases.</summary>
/// <param name="Line">1-based input line.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Changes">What changed, in words: first choice, avoid list, warning codes.</param>
public sealed record CaseImpact(long Line, string? CaseId, IReadOnlyList<string> Changes);

/// <summary>Totals of a cohort impact run.</summary>
public sealed record ImpactSummary(long Cases, long Invalid, IReadOnlyList<CaseImpact> Changed);

/// <summary>
/// Evaluates every case of a cohort against two engines (old and new knowledge) and reports the cases whose first
/// choice, avoid list (the set of therapies) or warning codes (diagnosis and case, as a set) differ.
/// </summary>
/// <remarks>Warning codes, not messages, are compared: messages name the release and its dates.</remarks>
public static class CohortImpact
{
    /// <summary>Runs the comparison over NDJSON lines.</summary>
    public static ImpactSummary Run(IEnumerable<string> lines, FusionEngine before, FusionEngine after, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        long line = 0, cases = 0, invalid = 0;
        var changed = new List<CaseImpact>();
        foreach (var text in lines)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            cases++;
            var read = CaseReader.Read(text);
            if (!read.IsValid)
            {
                invalid++;
                continue;
            }

            var a = before.Evaluate(read.Case!, asOf, read.Notices);
            var b = after.Evaluate(read.Case!, asOf, read.Notices);
            var diffs = Compare(a, b);
            if (diffs.Count > 0)
            {
                changed.Add(new CaseImpact(line, read.Case!.Id, diffs));
            }
        }

        return new ImpactSummary(cases, invalid, changed);
    }

    /// <summary>What differs between two results of one case.</summary>
    public static IReadOnlyList<string> Compare(Result a, Result b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var diffs = new List<string>();
        var firstA = First(a);
        var firstB = First(b);
        if (firstA != firstB)
        {
            diffs.Add($"first choice {firstA} → {firstB}");
        }

        Sets(diffs, "avoid", a.SystemicTherapy.Avoid.Select(x => Codes.Therapy.Code(x.Therapy)), b.SystemicTherapy.Avoid.Select(x => Codes.Therapy.Code(x.Therapy)));
        Sets(diffs, "warnings", WarningCodes(a), WarningCodes(b));
        return diffs;
    }

    private static string First(Result r) => r.SystemicTherapy.Options.Count > 0 ? Domain.Codes.Therapy.Code(r.SystemicTherapy.Options[0].Therapy) : "(none)";

    private static IEnumerable<string> WarningCodes(Result r) => r.Diagnosis.Warnings.Concat(r.Warnings).Select(w => w.Code);

    private static void Sets(List<string> diffs, string what, IEnumerable<string> a, IEnumerable<string> b)
    {
        var left = a.ToHashSet(StringComparer.Ordinal);
        var right = b.ToHashSet(StringComparer.Ordinal);
        var added = right.Except(left).Order(StringComparer.Ordinal).ToList();
        var removed = left.Except(right).Order(StringComparer.Ordinal).ToList();
        if (added.Count + removed.Count > 0)
        {
            diffs.Add($"{what}{(added.Count > 0 ? $" +{string.Join(" +", added)}" : "")}{(removed.Count > 0 ? $" -{string.Join(" -", removed)}" : "")}");
        }
    }
}
