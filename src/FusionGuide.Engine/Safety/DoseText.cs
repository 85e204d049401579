using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>Reads dose strings of a labelled regimen.</summary>
internal static class DoseText
{
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
}
