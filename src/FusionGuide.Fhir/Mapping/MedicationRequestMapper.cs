using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// MedicationRequest → treatment history (an anticancer drug; mCODE cancer-related medication request: dates from the
/// dosage's bounds period, else authoredOn), or a current co-medication. Proposals and plans are not treatment.
/// </summary>
internal static class MedicationRequestMapper
{
    public static void Map(MedicationRequest r, string path, MappingContext ctx)
    {
        if (r.Status is MedicationRequest.MedicationrequestStatus.EnteredInError or MedicationRequest.MedicationrequestStatus.Cancelled
            or MedicationRequest.MedicationrequestStatus.Draft or MedicationRequest.MedicationrequestStatus.Unknown
            || r.Intent is MedicationRequest.MedicationRequestIntent.Proposal or MedicationRequest.MedicationRequestIntent.Plan)
        {
            ctx.Warn($"{path}.status", $"{Terminology.Describe(TherapyReader.Concept(r.Medication, ctx, r))} ({r.Status}, {r.Intent}) is not a medication being or having been taken: not read");
            return;
        }

        var bounds = r.DosageInstruction.Select(d => d.Timing?.Repeat?.Bounds).OfType<Period>().FirstOrDefault();
        var ongoing = r.Status is MedicationRequest.MedicationrequestStatus.Active or MedicationRequest.MedicationrequestStatus.OnHold;
        var completed = r.Status is MedicationRequest.MedicationrequestStatus.Completed;
        MedicationReading.Read(TherapyReader.Concept(r.Medication, ctx, r),
            new MedicationUse(ongoing, completed, bounds?.Start ?? r.AuthoredOn, bounds?.End, TherapyReader.Reasons(r, [r.StatusReason]), path, $"{r.Status}".ToLowerInvariant()), ctx);
    }
}
