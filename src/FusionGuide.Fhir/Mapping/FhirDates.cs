using System.Globalization;

namespace FusionGuide.Fhir.Mapping;

/// <summary>FHIR dates as the case carries them: the date part (YYYY, YYYY-MM or YYYY-MM-DD) at the precision given.</summary>
internal static class FhirDates
{
    /// <summary>The date part of a FHIR date or dateTime, or null.</summary>
    public static string? DatePart(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var t = value.IndexOf('T', StringComparison.Ordinal);
        return t > 0 ? value[..t] : value;
    }

    /// <summary>The first day a partial date can mean (2022-01 → 2022-01-01); null when unreadable.</summary>
    public static DateOnly? Earliest(string? value)
    {
        var part = DatePart(value);
        if (part is null)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateOnly.TryParseExact(part, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>The last day a partial date can mean (2023-02 → 2023-02-28, 2023 → 2023-12-31); null when unreadable.</summary>
    public static DateOnly? Latest(string? value)
    {
        var part = DatePart(value);
        var first = Earliest(part);
        return first is not { } d || part is null ? null
            : part.Length == 4 ? d.AddYears(1).AddDays(-1)
            : part.Length == 7 ? d.AddMonths(1).AddDays(-1)
            : d;
    }

    /// <summary>Whole years from a birth date to an evaluation date.</summary>
    public static int Age(DateOnly birth, DateOnly asOf)
    {
        var age = asOf.Year - birth.Year;
        return asOf < birth.AddYears(age) ? age - 1 : age;
    }
}
