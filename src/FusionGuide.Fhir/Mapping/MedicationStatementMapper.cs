using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>MedicationStatement → treatment history (an anticancer drug), or a current co-medication.</summary>
internal static class MedicationStatementMapper
{
    public static void Map(MedicationStatement s, string path, MappingContext ctx)
    {
        var status = s.Status;
        if (status is MedicationStatement.MedicationStatusCodes.EnteredInError or MedicationStatement.MedicationStatusCodes.NotTaken or MedicationStatement.MedicationStatusCodes.Unknown)
        {
            ctx.Warn($"{path}.status", $"{Terminology.Describe(TherapyReader.Concept(s.Medication, ctx, s))} with status {status} was not read");
            return;
        }

        var (start, end) = s.Effective switch
        {
            Period p => (p.Start, p.End),
            FhirDateTime d => (d.Value, null),
            _ => (null, null),
        };
        var ongoing = status is MedicationStatement.MedicationStatusCodes.Active or MedicationStatement.MedicationStatusCodes.Intended or MedicationStatement.MedicationStatusCodes.OnHold;
        var completed = status is MedicationStatement.MedicationStatusCodes.Completed;
        var label = $"{status}".ToLowerInvariant();
        if (ongoing && EndedBefore(end, ctx.Options.AsOf))
        {
            ctx.Warn($"{path}.effectivePeriod.end", $"{Terminology.Describe(TherapyReader.Concept(s.Medication, ctx, s))} has status {label} but its period ended {FhirDates.DatePart(end)}, before the evaluation date {ctx.Options.AsOf:yyyy-MM-dd}: read as no longer taken", WarningCodes.FhirAssumed);
            ongoing = false;
            label = $"{label}, ended {FhirDates.DatePart(end)}";
        }

        MedicationReading.Read(TherapyReader.Concept(s.Medication, ctx, s),
            new MedicationUse(ongoing, completed, start, end, TherapyReader.Reasons(s, s.StatusReason), path, label), ctx);
    }

    /// <summary>
    /// True when the statement's period ended before the evaluation date (the last day a partial end can mean).
    /// EHRs often leave a finished course "active": the period says when it was taken, so an ended one is not taken
    /// now (an itraconazole course that ended years ago must not cut the lorlatinib dose today).
    /// </summary>
    private static bool EndedBefore(string? end, DateOnly asOf) => FhirDates.Latest(end) is { } last && last < asOf;
}
