namespace FusionGuide.Domain.Validation;

/// <summary>
/// <see cref="Suggestions.Closest"/> over a fixed list of names, prepared once: the names de-duplicated, lower-cased
/// and grouped by length, so a look-up measures only the names whose length a typing slip can reach. Answers exactly
/// as <see cref="Suggestions.Closest"/> does over the same list (same distance, same limit, ties in list order).
/// </summary>
/// <remarks>
/// Why: the interaction stage asked for suggestions for every unknown co-medication of every case, and
/// <see cref="Suggestions.Closest"/> hashed and lower-cased the whole medication list each time (bench: about 5 % of
/// the engine path).
/// </remarks>
public sealed class NameSuggester
{
    private readonly (string Name, string Lower, int Order)[][] byLength;

    /// <summary>Prepares <paramref name="names"/> (the candidates, in the order ties keep).</summary>
    public NameSuggester(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = names.Where(seen.Add).Select((n, i) => (Name: n, Lower: n.ToLowerInvariant(), Order: i)).ToList();
        var longest = unique.Count == 0 ? 0 : unique.Max(u => u.Lower.Length);
        byLength = [.. Enumerable.Range(0, longest + 1).Select(length => unique.Where(u => u.Lower.Length == length).ToArray())];
    }

    /// <summary>The names nearest to <paramref name="input"/>, as <see cref="Suggestions.Closest"/> would return them.</summary>
    public IReadOnlyList<string> Closest(string input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 100)
        {
            return [];
        }

        var typed = input.Trim().ToLowerInvariant();
        var limit = Suggestions.Limit(typed.Length);
        var found = new List<(string Name, int Distance, int Order)>();
        for (var length = Math.Max(0, typed.Length - limit); length <= Math.Min(byLength.Length - 1, typed.Length + limit); length++)
        {
            foreach (var (name, lower, order) in byLength[length])
            {
                var d = Suggestions.Distance(typed, lower, limit);
                if (d <= limit)
                {
                    found.Add((name, d, order));
                }
            }
        }

        return [.. found.OrderBy(f => f.Distance).ThenBy(f => f.Order).Take(Suggestions.MaxSuggestions).Select(f => f.Name)];
    }
}
