using System.Text.RegularExpressions;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Reads the free text of a result or a reason the way a clinician does: a term counts only where it is affirmed, not
/// where a negation governs it ("no ALK rearrangement detected", "Neither ALK nor ROS1 rearrangement detected", "No
/// evidence of progression; stopped for edema", "Progression ruled out"), and a laboratory's control statement ("positive
/// and negative controls performed") is not a result. A substring match read all of those the wrong way round.
/// </summary>
internal static partial class FreeText
{
    /// <summary>How far a negation reaches: a result statement lists genes ("No EGFR, ROS1 or ALK alterations detected"), a reason lists clauses.</summary>
    public enum Scope
    {
        /// <summary>To the end of the sentence (. ; : ( ) and " - " end it; commas do not).</summary>
        Sentence,

        /// <summary>To the end of the clause (a comma ends it too: "No progression, stopped for toxicity").</summary>
        Clause,
    }

    /// <summary>
    /// True when a word starting with one of the stems (or, for a stem written "*toxic", holding it anywhere:
    /// "hepatotoxicity"; for a stem written "PD$", that whole word only: not "PD-L1") occurs where no negation governs
    /// it: no negating word ("no", "not", "without", "none", "neither", "nor", "never", "absence of", "free of") earlier
    /// in its sentence or clause, no "non-" fused to it ("Non-small cell carcinoma positive for ALK" is positive: "non"
    /// negates only the word it is joined to) and, in a clause, no negation after it ("ruled out", "excluded", ": none",
    /// "-free": "Progression-free").
    /// </summary>
    public static bool Affirms(string text, Scope scope, params string[] stems) => Occurrences(text, scope, stems).Any(negated => !negated);

    /// <summary>True when a word starting with one of the stems occurs where a negation governs it ("not detected").</summary>
    public static bool Negates(string text, Scope scope, params string[] stems) => Occurrences(text, scope, stems).Any(negated => negated);

    /// <summary>The text without a laboratory's control statements ("Positive and negative controls performed appropriately").</summary>
    public static string WithoutControls(string text) => ControlStatement().Replace(text, " ");

    private static IEnumerable<bool> Occurrences(string text, Scope scope, string[] stems)
    {
        foreach (var stem in stems)
        {
            var body = Regex.Escape(stem.TrimStart('*').TrimEnd('$'));
            var pattern = (stem.StartsWith('*') ? body : $@"\b{body}") + (stem.EndsWith('$') ? @"(?![\w-])" : "");
            foreach (Match m in Regex.Matches(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                var before = Before(text, m.Index, scope);
                yield return Negator().IsMatch(before) || FusedNon().IsMatch(before)
                    || scope == Scope.Clause && PostNegation().IsMatch(After(text, WordEnd(text, m.Index + m.Length)));
            }
        }
    }

    /// <summary>The text from the start of the sentence or clause holding <paramref name="index"/> up to it.</summary>
    private static string Before(string text, int index, Scope scope)
    {
        var before = text[..index];
        var boundary = scope == Scope.Clause ? ClauseBoundary() : SentenceBoundary();
        var start = boundary.Matches(before).LastOrDefault() is { } b ? b.Index + b.Length : 0;
        return before[start..];
    }

    /// <summary>The end of the word a stem starts ("progress" in "Progression: none" ends after "Progression").</summary>
    private static int WordEnd(string text, int index)
    {
        while (index < text.Length && char.IsLetterOrDigit(text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>The rest of the clause after a term, a colon included ("Progression: none").</summary>
    private static string After(string text, int index)
    {
        var after = text[index..];
        var end = PostBoundary().Match(after) is { Success: true } b ? b.Index : after.Length;
        return after[..end];
    }

    [GeneratedRegex(@"\b(no|not|without|none|neither|nor|never|absence\s+of|free\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negator();

    /// <summary>"non-" or "non " joined to the term itself ("non-progressive"): it negates that word only.</summary>
    [GeneratedRegex(@"\bnon[-\s]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FusedNon();

    [GeneratedRegex(@"^\W*(:\s*)?(none|no\b|free\b|not\s+(seen|found|detected|confirmed)|ruled\s+out|excluded|absent|negative|unlikely)|\b(ruled\s+out|excluded)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostNegation();

    [GeneratedRegex(@"[.;:()]|\s-\s", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"[.;:,()]|\s-\s|\bbut\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"[.;,()]|\s-\s|\bbut\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostBoundary();

    [GeneratedRegex(@"\b(positive|negative)(\s+and\s+(positive|negative))?\s+(tissue\s+)?controls?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ControlStatement();
}
