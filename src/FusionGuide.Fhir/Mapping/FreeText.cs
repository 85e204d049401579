using System.Text.RegularExpressions;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Reads the free text of a result or a reason the way a clinician does: a term counts only where it is affirmed, not
/// where its clause negates it ("no ALK rearrangement detected", "No evidence of progression; stopped for edema"), and
/// a laboratory's control statement ("positive and negative controls performed") is not a result. A substring match
/// read all three of those the wrong way round.
/// </summary>
internal static partial class FreeText
{
    /// <summary>
    /// True when a word starting with one of the stems (or, for a stem written "*toxic", holding it anywhere:
    /// "hepatotoxicity") occurs in a clause that does not negate it: no negating word
    /// ("no", "not", "without", "none", "non", "never", "absence of", "free of") earlier in the same clause (clauses end at
    /// . ; : , ( ) and " - ").
    /// </summary>
    public static bool Affirms(string text, params string[] stems) => Occurrences(text, stems).Any(negated => !negated);

    /// <summary>True when a word starting with one of the stems occurs in a clause that negates it ("not detected").</summary>
    public static bool Negates(string text, params string[] stems) => Occurrences(text, stems).Any(negated => negated);

    /// <summary>The text without a laboratory's control statements ("Positive and negative controls performed appropriately").</summary>
    public static string WithoutControls(string text) => ControlStatement().Replace(text, " ");

    private static IEnumerable<bool> Occurrences(string text, string[] stems)
    {
        foreach (var stem in stems)
        {
            var pattern = stem.StartsWith('*') ? Regex.Escape(stem[1..]) : $@"\b{Regex.Escape(stem)}";
            foreach (Match m in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                yield return Negator().IsMatch(ClauseBefore(text, m.Index));
            }
        }
    }

    /// <summary>The text from the start of the clause holding <paramref name="index"/> up to it.</summary>
    private static string ClauseBefore(string text, int index)
    {
        var before = text[..index];
        var start = ClauseBoundary().Matches(before).LastOrDefault() is { } b ? b.Index + b.Length : 0;
        return before[start..];
    }

    [GeneratedRegex(@"\b(no|not|without|none|non|never|absence\s+of|free\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negator();

    [GeneratedRegex(@"[.;:,()]|\s-\s", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"\b(positive|negative)(\s+and\s+(positive|negative))?\s+(tissue\s+)?controls?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ControlStatement();
}
