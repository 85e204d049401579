using Firely.Fhir.Validation;
using FusionGuide.Fhir.CdsHooks;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace FusionGuide.Fhir.Tests;

/// <summary>The MedicationRequests FusionGuide proposes validate against the R4 core specification (offline).</summary>
public sealed class ValidationTests
{
    private static readonly Lazy<Validator> Core = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    public static TheoryData<Therapy> Tkis => [Therapy.Lorlatinib, Therapy.Alectinib, Therapy.Brigatinib, Therapy.Repotrectinib, Therapy.Taletrectinib];

    [Theory]
    [MemberData(nameof(Tkis))]
    public void Proposed_MedicationRequest_is_valid_R4(Therapy therapy)
    {
        var drug = Scenarios.Engine.KnowledgeBase.Drug(therapy);
        var order = MedicationRequestFactory.Create(therapy, drug.Name, drug.Dosing[0].Start, "alk03", "enc-1");
        var outcome = Core.Value.Validate(order);
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Location.FirstOrDefault()}: {e.Details?.Text ?? e.Diagnostics}")));
    }

    [Fact]
    public void The_validator_rejects_a_MedicationRequest_without_its_required_elements()
    {
        var outcome = Core.Value.Validate(new MedicationRequest { Subject = new ResourceReference("Patient/x") });
        Assert.Contains(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }

    [Fact]
    public void A_simple_start_dose_is_also_structured()
    {
        var order = MedicationRequestFactory.Create(Therapy.Lorlatinib, "Lorlatinib", "100 mg once daily", "alk03");
        var dose = Assert.IsType<Quantity>(order.DosageInstruction[0].DoseAndRate[0].Dose);
        Assert.Equal((100m, "mg", 1), (dose.Value!.Value, dose.Code, order.DosageInstruction[0].Timing!.Repeat!.Frequency!.Value));
    }
}
