using FusionGuide.Domain;

namespace FusionGuide.Engine.Pipeline;

/// <summary>
/// How a row names the region whose label a record follows, when a monitoring or caution record of another region is
/// shown because the case's region has none of its own (<see cref="Knowledge.Model.RegionalRecords"/>): the row says
/// so rather than dropping the check or passing another region's schedule off as the case's own.
/// </summary>
internal static class RegionalLabels
{
    /// <summary>"US label", "EU SmPC", "JP label" …; "this region's label" for a region FusionGuide has no labels for.</summary>
    public static string Name(Region region) => region switch
    {
        Region.EU => "EU SmPC",
        Region.Other => "this region's label",
        _ => $"{Codes.Region.Code(region)} label",
    };

    /// <summary>
    /// A record's text as a row shows it for a case in <paramref name="caseRegion"/>: as written when it is the region's
    /// own (or applies everywhere); else "US label schedule not recorded; EU SmPC: …" (<paramref name="what"/> is
    /// "schedule", "caution" …), or "EU SmPC: …" when the case names no region.
    /// </summary>
    public static string Said(Region? caseRegion, Region? recordRegion, bool borrowed, string what, string text) =>
        (borrowed, recordRegion, caseRegion) switch
        {
            (true, { } theirs, { } own) => $"{Name(own)} {what} not recorded; {Name(theirs)}: {text}",
            (true, { } theirs, null) => $"{Name(theirs)}: {text}",
            _ => text,
        };
}
