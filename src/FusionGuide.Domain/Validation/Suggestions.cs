namespace FusionGuide.Domain.Validation;

/// <summary>
/// "Did you mean" candidates for a mistyped name: the known names closest to it by edit distance (letters swapped,
/// missing, extra or wrong, case ignored), when one is close enough to be the name meant. Deterministic: ties keep
/// the order in which the candidates are given.
/// </summary>
public static class Suggestions
{
    /// <summary>At most this many names are suggested.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>
    /// The candidates nearest to <paramref name="input"/> (at most <see cref="MaxSuggestions"/>, nearest first), or none
    /// when no candidate is within the distance a typing slip explains (1 for short names, about a quarter of the
    /// length for longer ones, never more than 3).
    /// </summary>
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (string.IsNullOrWhiteSpace(input) || input.Length > 100)
        {
            return [];
        }

        var typed = input.Trim().ToLowerInvariant();
        var limit = Limit(typed.Length);
        var found = new List<(string Name, int Distance, int Order)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = 0;
        foreach (var c in candidates)
        {
            if (!seen.Add(c))
            {
                continue;
            }

            var d = Distance(typed, c.ToLowerInvariant(), limit);
            if (d <= limit)
            {
                found.Add((c, d, order));
            }

            order++;
        }

        return [.. found.OrderBy(f => f.Distance).ThenBy(f => f.Order).Take(MaxSuggestions).Select(f => f.Name)];
    }

    /// <summary>" — did you mean 'a' or 'b'?", or "" when there is nothing to suggest.</summary>
    public static string DidYouMean(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count switch
        {
            0 => "",
            1 => $" — did you mean '{names[0]}'?",
            _ => $" — did you mean {string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'"))} or '{names[^1]}'?",
        };
    }

    internal static int Limit(int length) => length <= 4 ? 1 : Math.Min(3, Math.Max(2, length / 4));

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early past <paramref name="limit"/>.</summary>
    /// <remarks>
    /// The three rows live on the stack (a name is at most ~100 characters here): the interaction stage measures every
    /// unknown co-medication against each known name of a similar length, and three arrays per comparison were the
    /// allocation behind ~3 % of the engine path (bench profile, docs/performance.md "Session 8").
    /// </remarks>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var width = b.Length + 1;
        Span<int> rows = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        var prev2 = rows[..width];
        var prev = rows.Slice(width, width);
        var cur = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var oldest = prev2;
            prev2 = prev;
            prev = cur;
            cur = oldest;
        }

        return prev[b.Length];
    }
}
