using System.Globalization;
using System.Text.RegularExpressions;
using FusionGuide.Domain;
using FusionGuide.Fhir.Mapping;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// Builds the proposed MedicationRequest for a therapy at its start dose with the Firely SDK: RxNorm where the
/// ingredient code is known, the dose text as written in the label, and a structured dose and frequency when the
/// start dose is a plain "N mg once|twice daily".
/// </summary>
public static partial class MedicationRequestFactory
{
    /// <summary>A draft proposal for the patient.</summary>
    public static MedicationRequest Create(Therapy therapy, string displayName, string startDose, string patientId, string? encounterId = null, Knowledge.KnowledgeBase? kb = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        var medication = new CodeableConcept { Text = displayName };
        if (kb is not null && MedicationCodes.RxNorm(therapy, kb) is { } rx)
        {
            medication.Coding.Add(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", rx, Codes.Therapy.Code(therapy)));
        }

        var dosage = new Dosage { Text = startDose, Route = new CodeableConcept("http://snomed.info/sct", "26643006", "Oral route") };
        var m = SimpleDose().Match(startDose);
        if (m.Success)
        {
            dosage.DoseAndRate.Add(new Dosage.DoseAndRateComponent
            {
                Dose = new Quantity(decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), "mg") { Unit = "mg", System = "http://unitsofmeasure.org" },
            });
            dosage.Timing = new Timing
            {
                Repeat = new Timing.RepeatComponent { Frequency = m.Groups[2].Value == "once" ? 1 : 2, Period = 1, PeriodUnit = Timing.UnitsOfTime.D },
            };
        }

        return new MedicationRequest
        {
            Status = MedicationRequest.MedicationrequestStatus.Draft,
            Intent = MedicationRequest.MedicationRequestIntent.Proposal,
            Medication = medication,
            Subject = new ResourceReference(patientId.Contains('/', StringComparison.Ordinal) ? patientId : $"Patient/{patientId}"),
            Encounter = encounterId is null ? null : new ResourceReference(encounterId.Contains('/', StringComparison.Ordinal) ? encounterId : $"Encounter/{encounterId}"),
            ReasonCode = [new CodeableConcept("http://snomed.info/sct", "254637007", "Non-small cell lung cancer")],
            DosageInstruction = [dosage],
        };
    }

    /// <summary>"100 mg once daily", "600 mg twice daily with food": the amount and once/twice.</summary>
    [GeneratedRegex(@"^(\d+) mg (once|twice) daily\b(?!.*\bthen\b)", RegexOptions.CultureInvariant)]
    internal static partial Regex SimpleDose();
}
