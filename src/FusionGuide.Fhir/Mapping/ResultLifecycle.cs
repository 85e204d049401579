using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Whether a result still stands in the bundle's own record: a report withdrawn as entered in error or cancelled takes
/// its results with it (FHIR R4 diagnostic-report-status), and a preliminary result, or any earlier result of the same
/// test, gives way to a corrected or amended one. Each was read as a second test beside the one that replaced it, so a
/// withdrawn positive still started a TKI, and a corrected negative became a "discordant" pair whose positive was followed.
/// </summary>
internal static class ResultLifecycle
{
    /// <summary>Why the observation is not read (a sentence for the warning), or null when it stands.</summary>
    public static string? WhyNotRead(Observation o, MappingContext ctx)
    {
        foreach (var (report, path) in ctx.All<DiagnosticReport>())
        {
            if (report.Status is DiagnosticReport.DiagnosticReportStatus.EnteredInError or DiagnosticReport.DiagnosticReportStatus.Cancelled
                && report.Result.Any(r => ReferenceEquals(ctx.Resolve<Observation>(r, report), o)))
            {
                return $"its report ({path}) has status {report.Status?.GetLiteral()}, so its results were withdrawn with it: not read";
            }
        }

        if (o.Status is not (ObservationStatus.Preliminary or ObservationStatus.Registered or ObservationStatus.Final or ObservationStatus.Unknown or null))
        {
            return null;
        }

        foreach (var (other, path) in ctx.All<Observation>())
        {
            if (ReferenceEquals(other, o) || !SameTest(o, other))
            {
                continue;
            }

            if (other.Status is ObservationStatus.Corrected or ObservationStatus.Amended && !Earlier(other, o))
            {
                return $"a {other.Status?.GetLiteral()} result of the same test ({path}) replaces it: not read";
            }

            if (o.Status is ObservationStatus.Preliminary or ObservationStatus.Registered && other.Status is ObservationStatus.Final && !Earlier(other, o))
            {
                return $"it is {o.Status?.GetLiteral()} and the final result of the same test ({path}) replaces it: not read";
            }
        }

        return null;
    }

    /// <summary>
    /// The same test: a shared code (or, uncoded, the same code text), a gene studied in common (variant observations
    /// name the partner gene too) and the same specimen.
    /// </summary>
    private static bool SameTest(Observation a, Observation b) =>
        SameCode(a.Code, b.Code)
        && (GenesStudied(a), GenesStudied(b)) is var (ga, gb) && (ga.Count == 0 && gb.Count == 0 || ga.Overlaps(gb))
        && string.Equals(a.Specimen?.Reference, b.Specimen?.Reference, StringComparison.Ordinal);

    private static bool SameCode(CodeableConcept? a, CodeableConcept? b) =>
        a is not null && b is not null && (a.Coding.Any(x => b.Coding.Any(y => x.System == y.System && x.Code == y.Code))
            || a.Coding.Count == 0 && b.Coding.Count == 0 && !string.IsNullOrWhiteSpace(a.Text) && string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase));

    /// <summary>The words of each gene-studied component (LOINC 48018-6).</summary>
    private static HashSet<string> GenesStudied(Observation o) =>
        o.Component.Where(c => Terminology.Has(c.Code, Terminology.Loinc, "48018-6")).Select(c => Terminology.Words(c.Value as CodeableConcept)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="a"/> is dated before <paramref name="b"/> (both dated; an undated one is never earlier).</summary>
    private static bool Earlier(Observation a, Observation b) =>
        FhirDates.Earliest(ObservationDates.Effective(a)) is { } da && FhirDates.Earliest(ObservationDates.Effective(b)) is { } db && da < db;
}
