using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// Conditions as real EHRs send them (review S20D): ICD-10 codes without the dot, obstetric codes that are not a
/// pregnancy, problem-list words that contradict the code, stages recorded more than once.
/// </summary>
public sealed class ConditionReadingTests
{
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    private static readonly ResourceReference Subject = new("Patient/p1");

    private static FhirMapping Map(params Resource[] resources)
    {
        var b = new Bundle { Type = Bundle.BundleType.Collection };
        b.Entry.AddRange(resources.Select(r => new Bundle.EntryComponent { Resource = r }));
        return FhirCaseReader.Read(b, new FhirMappingOptions { AsOf = Examples.AsOf });
    }

    private static Condition Icd(string code, string display, string? text = null) =>
        new() { Code = new CodeableConcept(Icd10Cm, code, display, text), Subject = Subject };

    [Fact]
    public void ICD10_codes_without_the_dot_are_read_like_dotted_ones()
    {
        var m = Map(
            Icd("C3411", "Malignant neoplasm of upper lobe, right bronchus or lung"),
            Icd("C7931", "Secondary malignant neoplasm of brain"),
            Icd("I495", "Sick sinus syndrome"),
            Icd("I4581", "Long QT syndrome"));
        var c = m.Case!;
        Assert.Equal(true, c.Disease.BrainMetastases?.Present);
        Assert.Equal([MetastaticSite.Brain], c.Disease.Sites);
        Assert.Equal([Comorbidity.Bradycardia, Comorbidity.LongQt], c.Comorbidities);
        Assert.Null(m.OutOfScope);
    }

    [Theory]
    [InlineData("Z33.1", "Pregnant state, incidental")]
    [InlineData("Z32.01", "Encounter for pregnancy test, result positive")]
    [InlineData("O09.523", "Supervision of elderly multigravida, third trimester")]
    [InlineData("O99.012", "Anemia complicating pregnancy, second trimester")]
    [InlineData("O9A.112", "Malignant neoplasm complicating pregnancy, second trimester")]
    [InlineData("O60.03", "Preterm labor without delivery, third trimester")]
    [InlineData("O88.212", "Thromboembolism in pregnancy, second trimester")]
    public void A_code_of_pregnancy_itself_is_read_as_pregnancy(string code, string display) =>
        Assert.Equal([Comorbidity.Pregnancy], Map(Icd(code, display)).Case!.Comorbidities);

    [Theory]
    [InlineData("O90.89", "Other complications of the puerperium")]
    [InlineData("O9089", "Other complications of the puerperium")]
    [InlineData("O85", "Puerperal sepsis")]
    [InlineData("O99.03", "Anemia complicating the puerperium")]
    [InlineData("O99.215", "Obesity complicating the puerperium")]
    [InlineData("O10.03", "Pre-existing essential hypertension complicating the puerperium")]
    [InlineData("O24.434", "Gestational diabetes mellitus in the puerperium, insulin controlled")]
    [InlineData("O9A.13", "Malignant neoplasm complicating the puerperium")]
    [InlineData("O94", "Sequelae of complication of pregnancy, childbirth, and the puerperium")]
    [InlineData("O80", "Encounter for full-term uncomplicated delivery")]
    [InlineData("O03.9", "Complete or unspecified spontaneous abortion without complication")]
    [InlineData("Z33.2", "Encounter for elective termination of pregnancy")]
    [InlineData("O99.89", "Other specified diseases and conditions complicating pregnancy, childbirth and the puerperium")]
    public void Postpartum_and_other_non_pregnancy_obstetric_codes_are_not_read_as_pregnancy(string code, string display)
    {
        var m = Map(Icd(code, display));
        Assert.Empty(m.Case!.Comorbidities);
        Assert.Contains("not read as a current pregnancy", Assert.Single(m.Warnings, w => w.Path == "Bundle.entry[0].resource.code").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lung_cancer_code_is_the_primary_whatever_its_text_says()
    {
        var primary = Icd("C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung", "Metastatic adenocarcinoma of right upper lobe of lung");
        var m = Map(primary);
        Assert.Null(m.OutOfScope);
        Assert.Empty(m.Case!.Disease.Sites);
        Assert.DoesNotContain(m.Warnings, w => w.Message.Contains("metastasis", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resolved_brain_metastasis_is_not_read_as_present_and_the_warning_names_its_clinical_status()
    {
        var brain = new Condition
        {
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "resolved"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
            Code = new CodeableConcept("http://snomed.info/sct", "94225005", "Secondary malignant neoplasm of brain"), Subject = Subject,
        };
        var m = Map(Icd("C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung"), brain);
        Assert.Null(m.Case!.Disease.BrainMetastases);
        var warning = Assert.Single(m.Warnings, w => w.Path.StartsWith("Bundle.entry[1]", StringComparison.Ordinal));
        Assert.Equal("Bundle.entry[1].resource.clinicalStatus", warning.Path);
        Assert.Contains("clinical status 'resolved'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("CNS-active TKI", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmed", warning.Message, StringComparison.Ordinal);
    }

    private static Observation StageGroup(string date, string snomed, string display) => new()
    {
        Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "21908-9", "Stage group.clinical Cancer"), Subject = Subject,
        Effective = new FhirDateTime(date), Value = new CodeableConcept("http://snomed.info/sct", snomed, display),
    };

    [Fact]
    public void The_latest_dated_stage_is_read_not_the_first_in_the_bundle_and_the_conflict_is_named()
    {
        var m = Map(Icd("C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung"),
            StageGroup("2024-02-10", "1222841004", "Stage IVB"), StageGroup("2022-01-10", "1222802001", "Stage IIIA"));
        Assert.Equal(Stage.IVB, m.Case!.Tumor.Stage);
        var warning = Assert.Single(m.Warnings, w => w.Code == WarningCodes.FhirAssumed.Code);
        Assert.Equal("Bundle.entry[1].resource", warning.Path);
        Assert.Contains("stage IIIA (2022-01-10) and IVB (2024-02-10) on record: the latest, IVB, is read", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undated_stage_summaries_are_read_by_the_later_entry()
    {
        var primary = Icd("C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung");
        primary.Stage.Add(new Condition.StageComponent { Summary = new CodeableConcept("http://snomed.info/sct", "1222802001", "Stage IIIA") });
        primary.Stage.Add(new Condition.StageComponent { Summary = new CodeableConcept("http://snomed.info/sct", "1222841004", "Stage IVB") });
        var m = Map(primary);
        Assert.Equal(Stage.IVB, m.Case!.Tumor.Stage);
        Assert.Equal("Bundle.entry[0].resource.stage[1].summary", Assert.Single(m.Warnings, w => w.Code == WarningCodes.FhirAssumed.Code).Path);
    }

    [Theory]
    [InlineData("K76.0", "Fatty (change of) liver, not elsewhere classified")]
    [InlineData("K70.0", "Alcoholic fatty liver")]
    [InlineData("N18.2", "Chronic kidney disease, stage 2 (mild)")]
    [InlineData("R94.31", "Abnormal electrocardiogram [ECG] [EKG]")]
    public void Steatosis_CKD_1_2_and_an_abnormal_ECG_are_not_impairment_or_long_QT(string code, string display) =>
        Assert.Empty(Map(Icd(code, display)).Case!.Comorbidities);

    [Fact]
    public void CKD_3_is_still_renal_impairment() =>
        Assert.Equal([Comorbidity.RenalImpairment], Map(Icd("N18.30", "Chronic kidney disease, stage 3 unspecified")).Case!.Comorbidities);

    [Fact]
    public void Malignant_hypertension_is_hypertension_not_a_cancer()
    {
        var m = Map(new Condition { Code = new CodeableConcept("http://snomed.info/sct", "78975002", "Malignant hypertension"), Subject = Subject });
        Assert.Equal([Comorbidity.Hypertension], m.Case!.Comorbidities);
        Assert.DoesNotContain(m.Warnings, w => w.Message.Contains("primary cancer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("provisional")]
    [InlineData("differential")]
    [InlineData("unconfirmed")]
    public void An_unconfirmed_condition_is_warned_and_not_read(string verification)
    {
        var ild = new Condition
        {
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification),
            Code = new CodeableConcept("http://snomed.info/sct", "233703007", "Interstitial lung disease"), Subject = Subject,
        };
        var m = Map(ild);
        Assert.Empty(m.Case!.Comorbidities);
        Assert.Equal("Bundle.entry[0].resource.verificationStatus", Assert.Single(m.Warnings, w => w.Path != "$").Path);
    }
}
