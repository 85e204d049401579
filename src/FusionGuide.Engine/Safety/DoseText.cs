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
}
