using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>When an Observation was made: effective date or period start, else the issue date.</summary>
internal static class ObservationDates
{
    public static string? Effective(Observation o) => o.Effective switch
    {
        FhirDateTime d => d.Value,
        Period p => p.Start,
        Instant i => i.Value?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => o.Issued?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
