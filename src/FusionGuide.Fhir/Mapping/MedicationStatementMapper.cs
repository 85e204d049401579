using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>MedicationStatement → a systemic therapy in the history, or a current co-medication.</summary>
internal static class MedicationStatementMapper
{
    public static void Map(MedicationStatement s, string path, MappingContext ctx)
    {
        var concept = TherapyReader.Concept(s.Medication, ctx);
        var name = MedicationCodes.Name(concept);
        if (name is null)
        {
            ctx.Warn($"{path}.medication", $"medication {Terminology.Describe(concept)} has no name or known RxNorm code: not read");
            return;
        }

        var status = s.Status;
        if (status is MedicationStatement.MedicationStatusCodes.EnteredInError or MedicationStatement.MedicationStatusCodes.NotTaken or MedicationStatement.MedicationStatusCodes.Unknown)
        {
            ctx.Warn($"{path}.status", $"{name} with status {status} was not read");
            return;
        }

        var (start, end) = s.Effective switch
        {
            Period p => (p.Start, p.End),
            FhirDateTime d => (d.Value, null),
            _ => (null, null),
        };
        var ongoing = status is MedicationStatement.MedicationStatusCodes.Active or MedicationStatement.MedicationStatusCodes.Intended or MedicationStatement.MedicationStatusCodes.OnHold;
        if (MedicationCodes.Therapy(name, ctx.Kb) is { } therapy)
        {
            TherapyReader.History(therapy, ongoing, start, end, TherapyReader.Reasons(s, s.StatusReason), path, ctx);
        }
        else if (ongoing)
        {
            TherapyReader.CoMedication(name, ctx);
        }
        else
        {
            ctx.Warn($"{path}.status", $"{name} is no longer taken ({status}): not a current co-medication");
        }
    }
}
