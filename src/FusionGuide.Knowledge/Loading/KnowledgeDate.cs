using System.Globalization;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Loading;

/// <summary>ISO dates as the knowledge files write them (YYYY-MM-DD; YYYY-MM and YYYY where a field allows a coarser date); read once, at load.</summary>
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

    /// <summary>Tries YYYY (a year whose month and day are not known); <paramref name="first"/> is 1 January.</summary>
    public static bool TryParseYear(string? s, out DateOnly first) =>
        DateOnly.TryParseExact(s, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);

    /// <summary>
    /// A reference's date: YYYY-MM-DD (the day is known), YYYY-MM (only the month) or YYYY (only the year); anything
    /// else is invalid (KB009). <c>First</c> is the first day of the period written, <c>KnownFrom</c> the first day the
    /// publication is certain: the day itself, or the first day after the month or year is over, because a source
    /// known only to "June 2025" may have appeared on 30 June (no invented day: it is not counted from 1 June).
    /// </summary>
    public static bool TryParseReference(string? s, out (DateOnly First, DateOnly KnownFrom, DatePrecision Precision) date)
    {
        if (TryParse(s, out var day))
        {
            date = (day, day, DatePrecision.Day);
        }
        else if (TryParseMonth(s, out var month))
        {
            date = (month, month.AddMonths(1), DatePrecision.Month);
        }
        else if (TryParseYear(s, out var year))
        {
            date = (year, year.AddYears(1), DatePrecision.Year);
        }
        else
        {
            date = default;
            return false;
        }

        return true;
    }

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
