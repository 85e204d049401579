using FusionGuide.Domain;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>The therapies a patient is taking now: no end date, and ongoing (or unstated, or continued through limited progression).</summary>
internal static class CurrentTherapies
{
    public static HashSet<Therapy> Of(Case c) =>
        c.History.Where(h => h.End is null && h.StopReason is null or StopReason.Ongoing or StopReason.Progression).Select(h => h.Therapy).ToHashSet();
}
