using System.Globalization;

namespace FusionGuide.Cli;

/// <summary>Typed option values; a bad value becomes a usage problem on the arguments.</summary>
internal static class Options
{
    public static long Long(Arguments a, string name, long fallback, long min, long max)
    {
        if (a.Option(name) is not { } text)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            return v;
        }

        a.Problems.Add($"{name} must be a whole number from {min} to {max} (got '{text}')");
        return fallback;
    }

    public static ulong ULong(Arguments a, string name, ulong fallback)
    {
        if (a.Option(name) is not { } text)
        {
            return fallback;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        a.Problems.Add($"{name} must be a non-negative whole number (got '{text}')");
        return fallback;
    }

    public static DateOnly? Date(Arguments a, string name)
    {
        if (a.Option(name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        a.Problems.Add($"{name}: '{text}' is not a date in the form YYYY-MM-DD");
        return null;
    }
}
