using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// MedicationRequest → a systemic therapy in the history (mCODE cancer-related medication request: dates from the
/// dosage's bounds period, else authoredOn), or a current co-medication. Proposals and plans are not treatment.
/// </summary>
internal static class MedicationRequestMapper
{
    public static void Map(MedicationRequest r, string path, MappingContext ctx)
    {
        var concept = TherapyReader.Concept(r.Medication, ctx);
        var name = MedicationCodes.Name(concept);
        if (name is null)
        {
            ctx.Warn($"{path}.medication", $"medication {Terminology.Describe(concept)} has no name or known RxNorm code: not read");
            return;
        }

        if (r.Status is MedicationRequest.MedicationrequestStatus.EnteredInError or MedicationRequest.MedicationrequestStatus.Cancelled
            or MedicationRequest.MedicationrequestStatus.Draft or MedicationRequest.MedicationrequestStatus.Unknown
            || r.Intent is MedicationRequest.MedicationRequestIntent.Proposal or MedicationRequest.MedicationRequestIntent.Plan)
        {
            ctx.Warn($"{path}.status", $"{name} ({r.Status}, {r.Intent}) is not a medication being or having been taken: not read");
            return;
        }

        var bounds = r.DosageInstruction.Select(d => d.Timing?.Repeat?.Bounds).OfType<Period>().FirstOrDefault();
        var start = bounds?.Start ?? r.AuthoredOn;
        var end = bounds?.End;
        var ongoing = r.Status is MedicationRequest.MedicationrequestStatus.Active or MedicationRequest.MedicationrequestStatus.OnHold;
        if (MedicationCodes.Therapy(name, ctx.Kb) is { } therapy)
        {
            TherapyReader.History(therapy, ongoing, start, end, TherapyReader.Reasons(r, [r.StatusReason]), path, ctx);
        }
        else if (ongoing)
        {
            TherapyReader.CoMedication(name, ctx);
        }
        else
        {
            ctx.Warn($"{path}.status", $"{name} is no longer taken ({r.Status}): not a current co-medication");
        }
    }
}
