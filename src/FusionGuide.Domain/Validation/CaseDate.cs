using System.Globalization;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// The contract's date forms for <c>tests[].date</c>, <c>history[].start</c> and <c>history[].end</c>: <c>YYYY</c>,
/// <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, a real calendar date. Anything else is invalid input (contract 1.1).
/// </summary>
public static class CaseDate
{
    /// <summary>The schema's pattern for the three forms (the calendar check is the reader's).</summary>
    public const string Pattern = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
    private static readonly string[] MonthAbbreviations = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;

    /// <summary>Null when <paramref name="s"/> is a date in one of the contract's forms; otherwise the problem's message.</summary>
    public static string? Check(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Length is 4 or 7 or 10 && Digits(s, 0, 4, out var year)
            && (s.Length == 4 || (s[4] == '-' && Digits(s, 5, 2, out var month) && month is >= 1 and <= 12
                && (s.Length == 7 || (s[7] == '-' && Digits(s, 8, 2, out var day) && day >= 1 && day <= DaysIn(year, month))))))
        {
            return null;
        }

        var hint = Rewrite(s) is { } better ? $" — did you mean '{better}'?" : "";
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' && Digits(s, 0, 4, out var y) && Digits(s, 5, 2, out var m) && m is >= 1 and <= 12
            && Digits(s, 8, 2, out var d) && d >= 1)
        {
            return $"'{s}' is not a calendar date: {MonthNames[m - 1]} {y:D4} has {DaysIn(y, m)} days";
        }

        return $"'{Clip(s)}' is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023, 2023-02 or 2023-02-15){hint}";
    }

    /// <summary>The contract form of a few common ways of writing a month ("02/2023", "2/2023", "Feb 2023", "February 2023", "2023/02"), or null.</summary>
    private static string? Rewrite(string s)
    {
        var t = s.Trim();
        var parts = t.Split(['/', ' ', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return null;
        }

        if (Year(parts[1]) is { } y1 && Month(parts[0]) is { } m1)
        {
            return $"{y1}-{m1:D2}";
        }

        return Year(parts[0]) is { } y2 && Month(parts[1]) is { } m2 ? $"{y2}-{m2:D2}" : null;
    }

    private static string? Year(string p) => p.Length == 4 && p.All(char.IsAsciiDigit) ? p : null;

    private static int? Month(string p)
    {
        if (p.Length is 1 or 2 && p.All(char.IsAsciiDigit))
        {
            var m = int.Parse(p, CultureInfo.InvariantCulture);
            return m is >= 1 and <= 12 ? m : null;
        }

        for (var i = 0; i < 12; i++)
        {
            if (p.Length >= 3 && (MonthNames[i].Equals(p, StringComparison.OrdinalIgnoreCase) || MonthAbbreviations[i].Equals(p, StringComparison.OrdinalIgnoreCase)))
            {
                return i + 1;
            }
        }

        return null;
    }

    // Proleptic Gregorian, as ISO 8601: year 0000 is a leap year.
    private static int DaysIn(int year, int month) => month == 2
        ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : month is 4 or 6 or 9 or 11 ? 30 : 31;

    private static bool Digits(string s, int start, int count, out int value)
    {
        value = 0;
        if (s.Length < start + count)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static string Clip(string s) => s.Length <= 30 ? s : string.Concat(s.AsSpan(0, 30), "…");
}
