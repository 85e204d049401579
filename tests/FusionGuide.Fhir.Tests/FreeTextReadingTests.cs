using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// Real laboratory and EHR text (S20 FHIR review): negations and control statements are read as a clinician reads them,
/// a known code is never overruled by words, and results withdrawn or replaced in the bundle's own record are not read.
/// </summary>
public sealed class FreeTextReadingTests
{
    private static readonly ResourceReference Subject = new("Patient/p1");

    private static FhirMapping Map(params Resource[] resources)
    {
        var b = new Bundle { Type = Bundle.BundleType.Collection };
        b.Entry.AddRange(resources.Select(r => new Bundle.EntryComponent { Resource = r }));
        return FhirCaseReader.Read(b, new FhirMappingOptions { AsOf = Examples.AsOf });
    }

    private static Observation AlkIhc(CodeableConcept answer, string id = "ihc", ObservationStatus status = ObservationStatus.Final, string date = "2024-02-15") =>
        new() { Id = id, Status = status, Code = new CodeableConcept { Text = "ALK protein by IHC" }, Value = answer, Subject = Subject, Effective = new FhirDateTime(date) };

    private static Observation AlkVariant(DataType? value, string id = "v", ObservationStatus status = ObservationStatus.Final, string date = "2024-02-15")
    {
        var o = new Observation { Id = id, Status = status, Code = new CodeableConcept("http://loinc.org", "69548-6"), Value = value, Subject = Subject, Effective = new FhirDateTime(date) };
        o.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept("http://loinc.org", "48018-6"), Value = new CodeableConcept("http://www.genenames.org/geneId", "HGNC:427", "ALK") });
        o.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept("http://loinc.org", "48018-6"), Value = new CodeableConcept("http://www.genenames.org/geneId", "HGNC:3315", "EML4") });
        return o;
    }

    private static FusionGuide.Domain.TestResult? ResultOf(FhirMapping m) => Assert.Single(m.Case!.Tests).Result;

    [Theory]
    [InlineData("No ALK rearrangement detected")]
    [InlineData("ALK (D5F3): undetected")]
    [InlineData("None detected")]
    [InlineData("Negative. Positive and negative controls performed appropriately.")]
    public void Negative_ALK_IHC_text_is_read_as_negative_not_positive(string text) =>
        Assert.Equal(FusionGuide.Domain.TestResult.Negative, ResultOf(Map(AlkIhc(new CodeableConcept { Text = text }))));

    [Fact]
    public void A_coded_negative_answer_with_detail_text_mentioning_detected_stays_negative() =>
        Assert.Equal(FusionGuide.Domain.TestResult.Negative, ResultOf(Map(AlkIhc(new CodeableConcept("http://loinc.org", "LA6577-6", "Negative") { Text = "Negative - no ALK protein expression detected" }))));

    [Fact]
    public void A_coded_answer_whose_words_say_the_opposite_is_not_read()
    {
        var m = Map(AlkIhc(new CodeableConcept("http://loinc.org", "LA6577-6", "Negative") { Text = "ALK positive (strong, diffuse)" }));
        Assert.Empty(m.Case!.Tests);
        Assert.Contains(m.Warnings, w => w.Message.Contains("its code and words disagree", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ALK rearrangement detected")]
    [InlineData("Non-small cell carcinoma positive for ALK rearrangement")]
    [InlineData("Non-mucinous adenocarcinoma with ALK positive staining")]
    public void Positive_text_is_still_positive(string text) =>
        Assert.Equal(FusionGuide.Domain.TestResult.Positive, ResultOf(Map(AlkIhc(new CodeableConcept { Text = text }))));

    [Theory]
    [InlineData("No EGFR, ROS1 or ALK alterations detected")]
    [InlineData("Neither ALK nor ROS1 rearrangement detected")]
    public void A_negation_reaches_across_a_list_of_genes(string text) =>
        Assert.Equal(FusionGuide.Domain.TestResult.Negative, ResultOf(Map(AlkIhc(new CodeableConcept { Text = text }))));

    [Theory]
    [InlineData("Not present")]
    [InlineData("Not detected")]
    public void A_fusion_variant_whose_text_says_not_present_is_absent(string text) =>
        Assert.Equal(FusionGuide.Domain.TestResult.Negative, ResultOf(Map(AlkVariant(new CodeableConcept { Text = text }))));

    [Fact]
    public void A_fusion_variant_with_a_string_or_boolean_value_is_read_from_it()
    {
        Assert.Equal(FusionGuide.Domain.TestResult.Negative, ResultOf(Map(AlkVariant(new FhirString("Not detected")))));
        Assert.Equal(FusionGuide.Domain.TestResult.Negative, ResultOf(Map(AlkVariant(new FhirBoolean(false)))));
        Assert.Equal(FusionGuide.Domain.TestResult.Positive, ResultOf(Map(AlkVariant(new FhirBoolean(true)))));
    }

    [Theory]
    [InlineData(DiagnosticReport.DiagnosticReportStatus.EnteredInError)]
    [InlineData(DiagnosticReport.DiagnosticReportStatus.Cancelled)]
    public void Results_of_a_withdrawn_report_are_not_read(DiagnosticReport.DiagnosticReportStatus status)
    {
        var v = AlkVariant(new CodeableConcept("http://loinc.org", "LA9633-4"));
        var report = new DiagnosticReport { Id = "r", Status = status, Code = new CodeableConcept { Text = "NGS panel" }, Subject = Subject, Result = [new ResourceReference("Observation/v")] };
        var m = Map(report, v);
        Assert.Empty(m.Case?.Tests ?? []);
        Assert.Contains(m.Warnings, w => w.Message.Contains("its results were withdrawn with it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_preliminary_positive_gives_way_to_the_final_negative_of_the_same_test()
    {
        var m = Map(AlkVariant(new CodeableConcept("http://loinc.org", "LA9633-4"), "v1", ObservationStatus.Preliminary, "2024-02-12"),
            AlkVariant(new CodeableConcept("http://loinc.org", "LA9634-2"), "v2", ObservationStatus.Final, "2024-02-19"));
        Assert.Equal(FusionGuide.Domain.TestResult.Negative, ResultOf(m));
    }

    [Fact]
    public void A_corrected_result_replaces_the_original_of_the_same_test()
    {
        var m = Map(AlkIhc(new CodeableConcept("http://loinc.org", "LA6576-8"), "ihc1"),
            AlkIhc(new CodeableConcept("http://loinc.org", "LA6577-6"), "ihc2", ObservationStatus.Corrected));
        Assert.Equal(FusionGuide.Domain.TestResult.Negative, ResultOf(m));
    }

    [Fact]
    public void Two_final_results_of_the_same_test_both_stand()
    {
        var m = Map(AlkIhc(new CodeableConcept("http://loinc.org", "LA6576-8"), "ihc1", date: "2024-01-10"),
            AlkIhc(new CodeableConcept("http://loinc.org", "LA6577-6"), "ihc2", date: "2024-02-10"));
        Assert.Equal(2, m.Case!.Tests.Count);
    }

    [Theory]
    [InlineData("No evidence of progression; stopped for grade 3 edema (intolerance)", StopReason.Intolerance)]
    [InlineData("Grade 3 hepatotoxicity", StopReason.Intolerance)]
    [InlineData("Not tolerated", StopReason.Intolerance)]
    [InlineData("Progression of disease (CNS)", StopReason.Progression)]
    [InlineData("No progression, stopped for grade 3 hepatotoxicity", StopReason.Intolerance)]
    [InlineData("Progression ruled out; stopped for grade 3 rash (adverse reaction)", StopReason.Intolerance)]
    [InlineData("Progression: none. Stopped because of toxicity", StopReason.Intolerance)]
    [InlineData("Non-small cell lung cancer progression on CT", StopReason.Progression)]
    [InlineData("Course completed", StopReason.Completed)]
    public void Stop_reasons_are_read_with_their_negations(string reason, StopReason expected)
    {
        var s = new MedicationStatement
        {
            Status = MedicationStatement.MedicationStatusCodes.Stopped, Subject = Subject, Medication = new CodeableConcept { Text = "lorlatinib" },
            Effective = new Period { Start = "2023-01-10", End = "2024-03-02" }, StatusReason = [new CodeableConcept { Text = reason }],
        };
        Assert.Equal(expected, Assert.Single(Map(s).Case!.History).StopReason);
    }

    [Fact]
    public void An_incomplete_response_is_not_a_completed_course()
    {
        var s = new MedicationStatement
        {
            Status = MedicationStatement.MedicationStatusCodes.Stopped, Subject = Subject, Medication = new CodeableConcept { Text = "lorlatinib" },
            Effective = new Period { Start = "2023-01-10", End = "2024-03-02" }, StatusReason = [new CodeableConcept { Text = "Incomplete response; switched per tumor board" }],
        };
        var m = Map(s);
        Assert.Null(Assert.Single(m.Case!.History).StopReason);
        Assert.Contains(m.Warnings, w => w.Message.Contains("is not stated as progression, intolerance or completion", StringComparison.Ordinal));
    }
}
