using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// Issue #21 item 3, medications by code: RxNorm ingredient, clinical-drug (SCD), branded-drug (SBD) and brand codes and
/// product-level names resolve to the ingredient FusionGuide knows (knowledge/medication-codes/rxnorm.json); a code and
/// a name that disagree are both checked and the disagreement is said; an unresolvable coded order still gets a card;
/// anticancer drugs become treatment history.
/// </summary>
public sealed class MedicationCodeTests
{
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private const string Snomed = "http://snomed.info/sct";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The G1202R patient now taking lorlatinib (RxNorm ingredient 2103164), since July 2024.</summary>
    private static BundleBuilder OnLorlatinib() => Scenarios.AlkG1202R().Therapy("2103164", "lorlatinib", "2024-07", null, null);

    private static CodeableConcept Coded(string code, string? display = null) => new() { Coding = [new Coding(RxNorm, code, display)] };

    private static MedicationStatement Taking(CodeableConcept medication, MedicationStatement.MedicationStatusCodes status = MedicationStatement.MedicationStatusCodes.Active,
        string? start = null, string? end = null, CodeableConcept? reason = null, string patient = "alk03") => new()
        {
            Status = status, Medication = medication, Subject = new ResourceReference($"Patient/{patient}"),
            Effective = start is null ? null : new Period { Start = start, End = end }, StatusReason = reason is null ? [] : [reason],
        };

    private static MedicationRequest Ordered(CodeableConcept medication) => new()
    {
        Id = "draft-rx", Status = MedicationRequest.MedicationrequestStatus.Draft, Intent = MedicationRequest.MedicationRequestIntent.Order,
        Medication = medication, Subject = new ResourceReference("Patient/alk03"),
    };

    private static FhirMapping Read(BundleBuilder b) => FhirCaseReader.Read(b.Bundle(), Scenarios.Options);

    [Theory]
    [InlineData("198202", "rifampin 300 MG Oral Capsule")]       // SCD with its RxNorm name
    [InlineData("198202", null)]                                 // SCD, code only
    [InlineData("201868", null)]                                 // SBD (Rifadin), code only
    [InlineData("9384", null)]                                   // ingredient, code only
    public async Task Rifampin_ordered_for_a_patient_on_lorlatinib_is_critical_by_product_code_or_code_alone(string code, string? display)
    {
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(OnLorlatinib(), Ordered(Coded(code, display))), Ct);
        var card = Assert.Single(outcome.Response!.Cards);
        Assert.Equal("critical", card.Indicator);
        Assert.StartsWith("rifampin + Lorlatinib: contraindicated", card.Summary, StringComparison.Ordinal);
        Assert.Contains("rifampin", outcome.Case!.Medications);
    }

    [Fact]
    public async Task Rifampin_by_product_name_alone_on_lorlatinib_is_critical()
    {
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(OnLorlatinib(), Ordered(new CodeableConcept { Text = "Rifampin 300 mg oral capsule" })), Ct);
        Assert.Equal("critical", Assert.Single(outcome.Response!.Cards).Indicator);
    }

    [Fact]
    public async Task A_code_and_a_name_that_disagree_are_both_checked_and_the_disagreement_is_a_card()
    {
        // RxNorm 197884 is lisinopril 40 MG Oral Tablet (issue #21 cited it as rifampin): the name still counts.
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(OnLorlatinib(), Ordered(Coded("197884", "rifampin 300 MG Oral Capsule"))), Ct);
        var cards = outcome.Response!.Cards;
        Assert.Contains(cards, c => c.Indicator == "critical" && c.Summary.StartsWith("rifampin + Lorlatinib", StringComparison.Ordinal));
        var disagreement = Assert.Single(cards, c => c.Summary.StartsWith("The order's code and name disagree", StringComparison.Ordinal));
        Assert.Equal("warning", disagreement.Indicator);
        Assert.Contains("RxNorm 197884 is lisinopril 40 MG Oral Tablet", disagreement.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lisinopril_code_alone_is_never_read_as_rifampin()
    {
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(OnLorlatinib(), Ordered(Coded("197884"))), Ct);
        Assert.DoesNotContain("rifampin", outcome.Case!.Medications);
        Assert.DoesNotContain(outcome.Response!.Cards, c => c.Indicator == "critical");
    }

    [Fact]
    public async Task An_unresolvable_coded_order_gets_an_information_card()
    {
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(OnLorlatinib(), Ordered(Coded("99999999"))), Ct);
        var card = Assert.Single(outcome.Response!.Cards);
        Assert.Equal("info", card.Indicator);
        Assert.Contains("RxNorm 99999999", card.Summary, StringComparison.Ordinal);
        Assert.Contains("Lorlatinib", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_level_name_in_a_MedicationStatement_is_its_ingredient()
    {
        var m = Read(OnLorlatinib().With(Taking(new CodeableConcept { Text = "Omeprazole 20 MG Delayed Release Oral Capsule" })));
        Assert.Contains("omeprazole", m.Case!.Medications);
    }

    [Fact]
    public void A_current_TKI_coded_at_product_level_is_current_therapy()
    {
        // 2103177: lorlatinib 100 MG Oral Tablet (SCD), code only.
        var m = Read(Scenarios.AlkG1202R().With(Taking(Coded("2103177"), start: "2024-07")));
        var h = Assert.Single(m.Case!.History, h => h.Therapy == Therapy.Lorlatinib);
        Assert.Equal(StopReason.Ongoing, h.StopReason);
    }

    [Fact]
    public void An_active_EGFR_TKI_is_treatment_history_never_an_unknown_co_medication()
    {
        // 349472: gefitinib 250 MG Oral Tablet, as in the mCODE IG's example MedicationRequest.
        var m = Read(OnLorlatinib().With(Taking(Coded("349472", "gefitinib 250 MG Oral Tablet"), start: "2021-01")));
        Assert.DoesNotContain(m.Case!.Medications, n => n.Contains("gefitinib", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(m.Warnings, w => w.Message.Contains("gefitinib is an EGFR TKI (current treatment)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_completed_cisplatin_with_pemetrexed_is_a_prior_platinum_line_with_its_coded_reason()
    {
        var progression = new CodeableConcept(Snomed, "266721009", "Absent response to treatment (situation)");
        var m = Read(Scenarios.AlkFirstLine()
            .With(Taking(Coded("309311", "cisplatin 1 MG/ML Injectable Solution"), MedicationStatement.MedicationStatusCodes.Stopped, "2023-02-01", "2023-06-01", progression, patient: "alk01"))
            .With(Taking(Coded("68446"), MedicationStatement.MedicationStatusCodes.Stopped, "2023-02-01", "2023-06-01", progression, patient: "alk01")));
        var h = Assert.Single(m.Case!.History);
        Assert.Equal((Therapy.PlatinumPemetrexed, "2023-02-01", "2023-06-01", StopReason.Progression), (h.Therapy, h.Start, h.End, h.StopReason!.Value));
        Assert.Empty(m.Case.Medications);
    }

    [Fact]
    public void A_completed_cisplatin_alone_is_a_prior_platinum_line_and_the_assumption_is_said()
    {
        var m = Read(Scenarios.AlkFirstLine().With(Taking(Coded("309311"), MedicationStatement.MedicationStatusCodes.Completed, "2023-02-01", "2023-06-01", patient: "alk01")));
        var h = Assert.Single(m.Case!.History);
        Assert.Equal((Therapy.PlatinumPemetrexed, StopReason.Completed), (h.Therapy, h.StopReason!.Value));
        Assert.Contains(m.Warnings, w => w.Code == "fhir-assumed" && w.Message.Contains("cisplatin read as platinum-based chemotherapy", StringComparison.Ordinal));
    }

    [Fact]
    public void Platinum_with_pembrolizumab_is_chemo_immunotherapy_and_pembrolizumab_alone_is_immunotherapy()
    {
        var m = Read(Scenarios.AlkFirstLine()
            .With(Taking(Coded("40048"), MedicationStatement.MedicationStatusCodes.Stopped, "2022-01-10", "2022-05-01", new CodeableConcept(Snomed, "266721009", "progression"), patient: "alk01"))
            .With(Taking(Coded("1547545"), MedicationStatement.MedicationStatusCodes.Stopped, "2022-01-10", "2022-05-01", patient: "alk01"))
            .With(Taking(Coded("1547545"), MedicationStatement.MedicationStatusCodes.Stopped, "2022-06-01", "2022-09-01", new CodeableConcept(Snomed, "407563006", "Treatment not tolerated"), patient: "alk01")));
        Assert.Equal([Therapy.ChemoImmunotherapy, Therapy.ImmunotherapyMonotherapy], m.Case!.History.Select(h => h.Therapy));
        Assert.Equal(StopReason.Intolerance, m.Case.History[1].StopReason);
    }
}
