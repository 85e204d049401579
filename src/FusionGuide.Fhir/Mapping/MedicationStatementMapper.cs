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
            ctx.Warn($"{path}.status", $"{Terminology.Describe(TherapyReader.Concept(s.Medication, ctx))} with status {status} was not read");
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
        MedicationReading.Read(TherapyReader.Concept(s.Medication, ctx),
            new MedicationUse(ongoing, completed, start, end, TherapyReader.Reasons(s, s.StatusReason), path, $"{status}".ToLowerInvariant()), ctx);
    }
}
