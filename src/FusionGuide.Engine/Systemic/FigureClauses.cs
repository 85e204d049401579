using System.Text;
using System.Text.RegularExpressions;

namespace FusionGuide.Engine.Systemic;

/// <summary>
/// Splits a guideline entry's sentence into what a row says (guidance: "longest follow-up of any first-line ALK TKI",
/// "7-day 90 mg lead-in for early pulmonary toxicity") and the trial figures the evidence section lists once per result
/// ("ALEX: PFS 34.8 vs 10.9 months (HR 0.43)"). Clauses are separated by ";" outside parentheses; a parenthesis holding a
/// figure is moved to the figures on its own when the rest of its clause is guidance (issue #20 item 7).
/// </summary>
internal static partial class FigureClauses
{
    /// <summary>A percentage, a hazard ratio, a number of months, "N vs M", or an endpoint followed by a number.</summary>
    [GeneratedRegex(@"\d(\.\d+)?\s*%|\bHR\s*[0-9]|\d\s*(-\s*\d+\s*)?months?\b|\d\s+vs\.?\s+\d|\b(ORR|PFS|OS|DFS|DOR)\b[^;,]*?\d")]
    private static partial Regex Figure();

    public static bool HasFigure(string text) => Figure().IsMatch(text);

    /// <summary>The sentence's guidance clauses and its figure clauses, each trimmed, in their order.</summary>
    public static (List<string> Guidance, List<string> Figures) Split(string sentence)
    {
        List<string> guidance = [];
        List<string> figures = [];
        foreach (var clause in Clauses(sentence))
        {
            if (!HasFigure(clause))
            {
                guidance.Add(clause);
                continue;
            }

            var (rest, parentheses) = WithoutFiguredParentheses(clause);
            if (parentheses.Count > 0 && !HasFigure(rest))
            {
                guidance.Add(rest);
                figures.AddRange(parentheses);
            }
            else
            {
                figures.Add(clause);
            }
        }

        return (guidance, figures);
    }

    /// <summary>
    /// A rule's note without its parenthesised figures ("… in a single-centre series (HR 2.6), so …" → "… in a
    /// single-centre series, so …"); a parenthesis that names its trial keeps the name ("(LOGiK1401: response rate 72%
    /// …)" → "(LOGiK1401)"). The note's figures stay in the trace entry of the rule that wrote it.
    /// </summary>
    public static string WithoutParenthesisedFigures(string note) => !HasFigure(note) ? note : FiguredParenthesis().Replace(note, m =>
        !HasFigure(m.Groups["inner"].Value) ? m.Value
        : m.Groups["name"].Success && !HasFigure(m.Groups["name"].Value) ? $" ({m.Groups["name"].Value.Trim()})"
        : "");

    /// <summary>A parenthesis without nested ones, and the trial name before a colon in it when there is one.</summary>
    [GeneratedRegex(@"\s?\((?<inner>(?:(?<name>[^():]+):)?[^()]*)\)")]
    private static partial Regex FiguredParenthesis();

    /// <summary>The clauses of a sentence: split at ";" outside parentheses, trailing full stops dropped.</summary>
    public static IEnumerable<string> Clauses(string sentence)
    {
        var depth = 0;
        var current = new StringBuilder();
        foreach (var ch in sentence)
        {
            depth += ch == '(' ? 1 : ch == ')' && depth > 0 ? -1 : 0;
            if (ch == ';' && depth == 0)
            {
                if (Trimmed(current) is { } clause)
                {
                    yield return clause;
                }

                current.Clear();
                continue;
            }

            current.Append(ch);
        }

        if (Trimmed(current) is { } last)
        {
            yield return last;
        }
    }

    private static string? Trimmed(StringBuilder sb)
    {
        var s = sb.ToString().Trim().TrimEnd('.').Trim();
        return s.Length == 0 ? null : s;
    }

    /// <summary>The clause without its parentheses that hold a figure, and those parentheses' contents.</summary>
    private static (string Remainder, List<string> Parentheses) WithoutFiguredParentheses(string clause)
    {
        var rest = new StringBuilder();
        var moved = new List<string>();
        var i = 0;
        while (i < clause.Length)
        {
            if (clause[i] == '(' && Closing(clause, i) is { } end)
            {
                var inner = clause[(i + 1)..end];
                if (HasFigure(inner))
                {
                    moved.Add(inner.Trim());
                    // Drop the space before the parenthesis too.
                    while (rest.Length > 0 && rest[^1] == ' ')
                    {
                        rest.Length--;
                    }

                    i = end + 1;
                    continue;
                }
            }

            rest.Append(clause[i]);
            i++;
        }

        return (rest.ToString().Trim(), moved);
    }

    private static int? Closing(string s, int open)
    {
        var depth = 0;
        for (var j = open; j < s.Length; j++)
        {
            depth += s[j] == '(' ? 1 : s[j] == ')' ? -1 : 0;
            if (depth == 0)
            {
                return j;
            }
        }

        return null;
    }
}
