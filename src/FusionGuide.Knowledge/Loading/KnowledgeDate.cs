using System.Globalization;

namespace FusionGuide.Knowledge.Loading;

/// <summary>ISO dates (YYYY-MM-DD) as the knowledge files write them; read once, at load.</summary>
public static class KnowledgeDate
{
    /// <summary>Parses YYYY-MM-DD; throws on anything else (the validator has already checked).</summary>
    public static DateOnly Parse(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Tries YYYY-MM-DD.</summary>
    public static bool TryParse(string? s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A date as the files write it.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
