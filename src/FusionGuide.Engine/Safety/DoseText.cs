using System.Globalization;
using System.Text.RegularExpressions;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>Reads dose strings of a labelled regimen.</summary>
internal static partial class DoseText
{
    private static readonly string[] Frequencies = ["once daily", "twice daily"];

    /// <summary>The dose after any lead-in ("90 mg once daily for 7 days, then 180 mg once daily" → "180 mg once daily").</summary>
    public static string Maintenance(DosingRegimen r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var start = r.Start;
        if (r.LeadIn is null)
        {
            return start;
        }

        var i = start.LastIndexOf("then ", StringComparison.OrdinalIgnoreCase);
        return i < 0 ? start : start[(i + 5)..].Trim().TrimEnd('.');
    }

    /// <summary>One level below the maintenance dose, or null when the ladder is empty.</summary>
    public static string? FirstReduction(DosingRegimen r) => r.Reductions.Count > 0 ? r.Reductions[0] : null;

    /// <summary>The lead-in dose ("90 mg once daily for 7 days, then 180 mg once daily" → "90 mg once daily"), or null without a lead-in.</summary>
    public static string? LeadInDose(DosingRegimen r)
    {
        var i = r.Start.IndexOf(" for ", StringComparison.OrdinalIgnoreCase);
        return r.LeadIn is null || i < 0 ? null : r.Start[..i].Trim();
    }

    /// <summary>
    /// The ladder's level below the lead-in dose when the ladder lists the lead-in dose (brigatinib 90 → 60 mg once
    /// daily), or null when it does not (repotrectinib's ladder is written for the twice-daily phase).
    /// </summary>
    public static string? BelowLeadIn(DosingRegimen r)
    {
        var i = LeadInDose(r) is { } dose ? r.Reductions.ToList().IndexOf(dose) : -1;
        return i >= 0 && i + 1 < r.Reductions.Count ? r.Reductions[i + 1] : null;
    }

    /// <summary>The "from -> to" steps a dose change lists ("180 -> 90 mg once daily; 90 -> 60 mg once daily").</summary>
    public static IEnumerable<(int From, int To)> Steps(string change) =>
        from m in StepPattern().Matches(change)
        select (int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture));

    /// <summary>The first milligram figure of a dose ("75 mg once daily" → 75); null when it names none.</summary>
    public static int? Milligrams(string dose) =>
        MilligramPattern().Match(dose) is { Success: true } m ? int.Parse(m.Groups["mg"].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The milligrams a day a dose gives ("200 mg twice daily" → 400, "250 mg once daily" → 250): how two doses of one
    /// drug at different frequencies compare (crizotinib's ladder goes 250 → 200 mg twice daily → 250 mg once daily).
    /// Null when the dose names no milligrams.
    /// </summary>
    public static int? DailyMilligrams(string dose) =>
        Milligrams(dose) is { } mg ? mg * (Frequency(dose) == "twice daily" ? 2 : 1) : null;

    /// <summary>"once daily" or "twice daily" as a dose states it; null when it states neither.</summary>
    public static string? Frequency(string dose) =>
        Frequencies.FirstOrDefault(f => dose.Contains(f, StringComparison.OrdinalIgnoreCase));

    /// <summary>The change a dose change states as a difference ("reduce by 20 mg" → -20, "increase by 20 mg" → +20); null otherwise.</summary>
    public static int? RelativeChange(string change) =>
        RelativePattern().Match(change) is { Success: true } m
            ? int.Parse(m.Groups["mg"].Value, CultureInfo.InvariantCulture) * (m.Groups["way"].Value.Equals("reduce", StringComparison.OrdinalIgnoreCase) ? -1 : 1)
            : null;

    [GeneratedRegex(@"\b(?<way>reduce|increase)\s+by\s+(?<mg>\d+)\s*mg\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"(?<from>\d+)\s*->\s*(?<to>\d+)")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"(?<mg>\d+)\s*mg\b")]
    private static partial Regex MilligramPattern();
}
