using FusionGuide.Fhir.CdsHooks;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// Issue #21 item 1, applicability first: the lung primary is found by code or lung body site, its stage from its code or
/// its own staging observations; other primaries are out of scope, and a patient without NSCLC gets no advice.
/// </summary>
public sealed class ScopeTests
{
    private const string Snomed = "http://snomed.info/sct";
    private const string PrimaryProfile = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An mCODE breast-cancer patient in the form of the mCODE IG's examples: primary-cancer Condition of the left breast, stage IIIC with its own TNM stage-group Observation, ER-positive.</summary>
    private static BundleBuilder BreastCancer()
    {
        var b = new BundleBuilder("breast01").Patient("1965-08-10", AdministrativeGender.Female);
        var condition = new Condition
        {
            Id = "primary-cancer-condition-breast",
            Meta = new Meta { Profile = [PrimaryProfile] },
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
            Code = new CodeableConcept(Snomed, "353431000119107", "Primary malignant neoplasm of female left breast (disorder)"),
            BodySite = [new CodeableConcept(Snomed, "80248007", "Left breast structure (body structure)")],
            Subject = new ResourceReference("Patient/breast01"),
            Stage = [new Condition.StageComponent
            {
                Summary = new CodeableConcept(Snomed, "1222806003", "American Joint Committee on Cancer stage IIIC (qualifier value)"),
                Assessment = [new ResourceReference("Observation/tnm-clinical-stage-group-breast")],
            }],
        };
        condition.Extension.Add(new Extension("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
            new CodeableConcept(Snomed, "413448000", "Adenocarcinoma, no subtype, high grade (morphologic abnormality)")));
        b.With(condition);
        b.With(new Observation
        {
            Id = "tnm-clinical-stage-group-breast", Status = ObservationStatus.Final,
            Code = new CodeableConcept(Snomed, "399537006", "Clinical TNM stage grouping"), Subject = new ResourceReference("Patient/breast01"),
            Focus = [new ResourceReference("Condition/primary-cancer-condition-breast")],
            Value = new CodeableConcept(Snomed, "1222806003", "American Joint Committee on Cancer stage IIIC (qualifier value)"),
        });
        b.With(new Observation
        {
            Id = "tumor-marker-test-er", Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://loinc.org", "16112-5", "Estrogen receptor [interpretation] in Tissue"), Subject = new ResourceReference("Patient/breast01"),
            Value = new CodeableConcept(Snomed, "10828004", "Positive (qualifier value)"),
        });
        return b;
    }

    /// <summary>A patient with hypertension and asthma and no cancer at all.</summary>
    private static BundleBuilder NoCancer() => new BundleBuilder("well01").Patient("1980-02-02", AdministrativeGender.Male)
        .Comorbidity("http://hl7.org/fhir/sid/icd-10-cm", "I10", "Essential hypertension").Comorbidity(Snomed, "195967001", "Asthma");

    [Fact]
    public void Breast_cancer_is_out_of_scope_and_its_stage_never_becomes_a_lung_stage()
    {
        var m = FhirCaseReader.Read(BreastCancer().Bundle(), Scenarios.Options);
        Assert.NotNull(m.OutOfScope);
        Assert.Contains("Primary malignant neoplasm of female left breast", m.OutOfScope, StringComparison.Ordinal);
        Assert.Null(m.Case!.Tumor.Stage);
        Assert.Null(m.Case.Tumor.Histology);
        Assert.Contains(m.Warnings, w => w.Message.Contains("is not a lung cancer: out of FusionGuide's scope", StringComparison.Ordinal));
        Assert.Contains(m.Warnings, w => w.Message.Contains("stage of another primary cancer", StringComparison.Ordinal));
    }

    [Fact]
    public void No_cancer_is_out_of_scope()
    {
        var m = FhirCaseReader.Read(NoCancer().Bundle(), Scenarios.Options);
        Assert.StartsWith("no lung cancer on record", m.OutOfScope, StringComparison.Ordinal);
    }

    [Fact]
    public void The_IG_NSCLC_condition_and_the_GenomeX_bundle_ordered_for_C34_are_in_scope()
    {
        Assert.Null(Examples.Map("mcode4-Condition-primary-cancer-condition-nsclc.json").OutOfScope);
        Assert.Null(Examples.Map("mcode4-Bundle-gx-genomic-bundle-adam-anyperson.json").OutOfScope);
        Assert.Null(FhirCaseReader.Read(Scenarios.AlkG1202R().Bundle(), Scenarios.Options).OutOfScope);
    }

    [Fact]
    public void Lung_and_breast_primaries_keep_the_lung_stage_and_histology()
    {
        var b = BreastCancer();
        b.With(new Condition
        {
            Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", "C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung"),
            Subject = new ResourceReference("Patient/breast01"),
            Stage = [new Condition.StageComponent { Summary = new CodeableConcept(Snomed, "1222841004", "AJCC stage IVB") }],
        });
        var m = FhirCaseReader.Read(b.Bundle(), Scenarios.Options);
        Assert.Null(m.OutOfScope);
        Assert.Equal(Stage.IVB, m.Case!.Tumor.Stage);
    }

    [Theory]
    [InlineData("http://hl7.org/fhir/sid/icd-10-cm", "C34.90", "Malignant neoplasm of unspecified part of unspecified bronchus or lung", null)]
    [InlineData(Snomed, "423121009", "Non-small cell carcinoma of lung, TNM stage 4 (disorder)", Stage.IV)]
    [InlineData(Snomed, "254626006", "Adenocarcinoma of lung (disorder)", null)]
    public void A_lung_primary_is_found_by_its_code_and_a_stage_in_the_code_is_read(string system, string code, string display, Stage? stage)
    {
        var b = new BundleBuilder("lung01").Patient("1960-01-01", AdministrativeGender.Male);
        b.With(new Condition { Code = new CodeableConcept(system, code, display), Subject = new ResourceReference("Patient/lung01") });
        var m = FhirCaseReader.Read(b.Bundle(), Scenarios.Options);
        Assert.Null(m.OutOfScope);
        Assert.Equal(stage, m.Case!.Tumor.Stage);
    }

    [Fact]
    public void A_primary_cancer_condition_is_the_lung_primary_by_its_ICD_O_3_lung_topography()
    {
        var b = new BundleBuilder("lung02").Patient("1960-01-01", AdministrativeGender.Male);
        b.With(new Condition
        {
            Meta = new Meta { Profile = [PrimaryProfile] },
            Code = new CodeableConcept(Snomed, "363346000", "Malignant neoplastic disease (disorder)"),
            BodySite = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/icd-o-3", "C34.1", "Upper lobe, lung")],
            Subject = new ResourceReference("Patient/lung02"),
        });
        Assert.Null(FhirCaseReader.Read(b.Bundle(), Scenarios.Options).OutOfScope);
    }

    [Fact]
    public async Task Breast_cancer_patient_gets_no_lung_cancer_cards()
    {
        var b = BreastCancer();
        var outcome = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(b), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, outcome.Kind);
        Assert.Empty(outcome.Response!.Cards);
        Assert.Null(outcome.Result);
        Assert.NotNull(outcome.OutOfScope);
    }

    [Fact]
    public async Task No_cancer_patient_gets_no_card_from_patient_view_nor_from_an_order_check()
    {
        var b = NoCancer();
        var view = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(b), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, view.Kind);
        Assert.Empty(view.Response!.Cards);
        var order = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(b, CdsFixture.CoMedicationDraft("d1", "9384", "rifampin")), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, order.Kind);
        Assert.Empty(order.Response!.Cards);
    }

    [Fact]
    public async Task When_configured_an_out_of_scope_patient_gets_one_info_card_saying_why()
    {
        var service = new CdsHooksService(Scenarios.Engine, CdsFixture.Options with { ExplainOutOfScope = true });
        var outcome = await service.PatientViewAsync(CdsFixture.PatientView(BreastCancer()), Ct);
        var card = Assert.Single(outcome.Response!.Cards);
        Assert.Equal("info", card.Indicator);
        Assert.Null(card.Links);
        Assert.Contains("no non-small cell lung cancer", card.Summary, StringComparison.Ordinal);
        Assert.Contains("breast", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Driver", card.Summary, StringComparison.Ordinal);
    }
}
