using System.Globalization;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Loading;

/// <summary>ISO dates (YYYY-MM-DD) as the knowledge files write them; read once, at load.</summary>
public static class KnowledgeDate
{
    /// <summary>Parses YYYY-MM-DD; throws on anything else (the validator has already checked).</summary>
    public static DateOnly Parse(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Tries YYYY-MM-DD.</summary>
    public static bool TryParse(string? s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Tries YYYY-MM (a month whose day is not known); <paramref name="first"/> is its first day.</summary>
    public static bool TryParseMonth(string? s, out DateOnly first) =>
        DateOnly.TryParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);

    /// <summary>
    /// An approval's date: YYYY-MM-DD (the decision day, in force from that day) or YYYY-MM (only the month is known).
    /// A month-precision approval is certain only once its month is over, so it is in force from the first day of the
    /// next month: an evaluation inside the month does not count it (no invented day). Throws on anything else (the
    /// validator has already checked).
    /// </summary>
    public static (DateOnly InForceFrom, DatePrecision Precision) ParseApproval(string s) =>
        TryParseMonth(s, out var first) ? (first.AddMonths(1), DatePrecision.Month) : (Parse(s), DatePrecision.Day);

    /// <summary>A date as the files write it.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
