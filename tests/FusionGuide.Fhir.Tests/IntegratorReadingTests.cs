using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// What an EHR integrator's bundles send (S21D review): where progression happened, read from a status reason's words;
/// adverse events named by SNOMED CT or CTCAE terms; blood and contained or identifier-referenced specimens; preliminary
/// results; results contained in their report.
/// </summary>
public sealed class IntegratorReadingTests
{
    private const string Loinc = "http://loinc.org";
    private const string Snomed = "http://snomed.info/sct";
    private static readonly ResourceReference Subject = new("Patient/p1");

    private static FhirMapping Map(params Resource[] resources)
    {
        var b = new Bundle { Type = Bundle.BundleType.Collection };
        b.Entry.AddRange(resources.Select(r => new Bundle.EntryComponent { Resource = r }));
        return FhirCaseReader.Read(b, new FhirMappingOptions { AsOf = Examples.AsOf });
    }

    private static MedicationStatement Alectinib(MedicationStatement.MedicationStatusCodes status, string reason) => new()
    {
        Id = "m1", Status = status, Subject = Subject, Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "1727455", "alectinib"),
        Effective = new Period { Start = "2021-02-01", End = status == MedicationStatement.MedicationStatusCodes.Active ? null : "2024-05-01" },
        StatusReason = [new CodeableConcept { Text = reason }],
    };

    /// <summary>An NGS result of ALK (a fusion with EML4 when present, else absent), with its specimen reference.</summary>
    private static Observation AlkNgs(bool present, ResourceReference? specimen = null, string id = "v", ObservationStatus status = ObservationStatus.Final)
    {
        var o = new Observation
        {
            Id = id, Status = status, Code = new CodeableConcept(Loinc, "69548-6", "Genetic variant assessment"), Subject = Subject, Effective = new FhirDateTime("2024-01-10"),
            Method = new CodeableConcept { Text = "NGS" }, Specimen = specimen,
            Value = present ? new CodeableConcept(Loinc, "LA9633-4", "Present") : new CodeableConcept(Loinc, "LA9634-2", "Absent"),
        };
        o.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept(Loinc, "48018-6"), Value = new CodeableConcept("http://www.genenames.org", "HGNC:427", "ALK") });
        if (present)
        {
            o.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept(Loinc, "48018-6"), Value = new CodeableConcept("http://www.genenames.org", "HGNC:1316", "EML4") });
        }

        return o;
    }

    private static Hl7.Fhir.Model.AdverseEvent Event(CodeableConcept what, int grade)
    {
        var a = new Hl7.Fhir.Model.AdverseEvent { Actuality = Hl7.Fhir.Model.AdverseEvent.AdverseEventActuality.Actual, Subject = Subject, Event = what };
        a.Extension.Add(new Extension("http://hl7.org/fhir/us/ctcae/StructureDefinition/ctcae-grade", new Integer(grade)));
        a.SuspectEntity.Add(new Hl7.Fhir.Model.AdverseEvent.SuspectEntityComponent { Instance = new ResourceReference("MedicationStatement/m1") });
        return a;
    }

    [Theory]
    [InlineData(MedicationStatement.MedicationStatusCodes.Active, "Progression in liver; brain metastases stable", ProgressionPattern.Systemic)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "Progressive disease in liver and bone; brain MRI stable", ProgressionPattern.Systemic)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "Disease progression: new liver metastases; brain MRI no new lesions", ProgressionPattern.Systemic)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "Extracranial progression; no CNS progression", ProgressionPattern.Systemic)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Active, "PD in liver; CNS stable", ProgressionPattern.Systemic)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Active, "Oligoprogressive disease in adrenal", ProgressionPattern.Oligoprogression)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Active, "Oligo-progression in adrenal", ProgressionPattern.Oligoprogression)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "Progression: new brain metastases; extracranial disease controlled", ProgressionPattern.Cns)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "Progression of disease (CNS)", ProgressionPattern.Cns)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "Progression in liver, bone and brain", ProgressionPattern.Both)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "Liver PD; brain SD", ProgressionPattern.Systemic)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "Hepatic PD, CNS SD", ProgressionPattern.Systemic)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "PD: new liver mets; brain CR", ProgressionPattern.Systemic)]
    [InlineData(MedicationStatement.MedicationStatusCodes.Stopped, "Progression in lymph nodes, CNS NED", ProgressionPattern.Systemic)]
    public void A_site_counts_as_progressing_only_where_progression_words_apply_to_it(MedicationStatement.MedicationStatusCodes status, string reason, ProgressionPattern expected)
    {
        var m = Map(Alectinib(status, reason));
        var entry = Assert.Single(m.Case!.History);
        Assert.Equal(StopReason.Progression, entry.StopReason);
        Assert.Equal(expected, entry.ProgressionPattern);
    }

    [Fact]
    public void Progression_free_but_stopped_for_pneumonitis_is_intolerance_not_progression()
    {
        var entry = Assert.Single(Map(Alectinib(MedicationStatement.MedicationStatusCodes.Stopped, "Progression-free but stopped for grade 3 pneumonitis")).Case!.History);
        Assert.Equal(StopReason.Intolerance, entry.StopReason);
        Assert.Null(entry.ProgressionPattern);
    }

    [Theory]
    [InlineData("Progression; brain metastases stable")]
    [InlineData("Intracranial progressive disease stable extracranially")]
    public void Progression_whose_site_cannot_be_placed_leaves_the_pattern_unset_and_says_so(string reason)
    {
        var m = Map(Alectinib(MedicationStatement.MedicationStatusCodes.Stopped, reason));
        var entry = Assert.Single(m.Case!.History);
        Assert.Equal(StopReason.Progression, entry.StopReason);
        Assert.Null(entry.ProgressionPattern);
        Assert.Contains(m.Warnings, w => w.Code == WarningCodes.FhirSkipped.Code && w.Path == "Bundle.entry[0].resource.statusReason");
    }

    [Fact]
    public void PD_L1_in_a_status_reason_is_not_progression()
    {
        var m = Map(Alectinib(MedicationStatement.MedicationStatusCodes.Active, "PD-L1 high at baseline"));
        Assert.Equal(StopReason.Ongoing, Assert.Single(m.Case!.History).StopReason);
    }

    [Theory]
    [InlineData(Snomed, "233703007", "Interstitial lung disease", AdverseEventCode.Pneumonitis)]
    [InlineData(null, null, "Interstitial lung disease", AdverseEventCode.Pneumonitis)]
    [InlineData(null, null, "ILD", AdverseEventCode.Pneumonitis)]
    [InlineData(null, null, "Alanine aminotransferase increased", AdverseEventCode.AltAstElevation)]
    [InlineData(null, null, "Aspartate aminotransferase increased", AdverseEventCode.AltAstElevation)]
    [InlineData(null, null, "Electrocardiogram QT corrected interval prolonged", AdverseEventCode.QtcProlongation)]
    [InlineData(null, null, "CPK increased", AdverseEventCode.CkElevation)]
    [InlineData(null, null, "Creatine phosphokinase increased", AdverseEventCode.CkElevation)]
    [InlineData(null, null, "Sinus bradycardia", AdverseEventCode.Bradycardia)]
    public void Adverse_events_named_by_SNOMED_CT_or_CTCAE_terms_map_to_the_contract_event(string? system, string? code, string words, AdverseEventCode expected)
    {
        var what = system is null ? new CodeableConcept { Text = words } : new CodeableConcept(system, code, words);
        var m = Map(Alectinib(MedicationStatement.MedicationStatusCodes.Active, "ongoing"), Event(what, 3));
        var ae = Assert.Single(m.Case!.AdverseEvents);
        Assert.Equal(expected, ae.Event);
        Assert.Equal(3, ae.Grade);
        Assert.Equal(Therapy.Alectinib, ae.Therapy);
    }

    [Theory]
    [InlineData(Snomed, "119297000", "Peripheral blood")]
    [InlineData(null, null, "Blood, cfDNA (Streck tube)")]
    [InlineData(null, null, "ctDNA")]
    [InlineData(null, null, "Liquid biopsy")]
    public void cfDNA_on_a_blood_specimen_is_read_as_plasma(string? system, string? code, string text)
    {
        var specimen = new Specimen { Id = "s1", Subject = Subject, Type = system is null ? new CodeableConcept { Text = text } : new CodeableConcept(system, code) { Text = text } };
        var m = Map(specimen, AlkNgs(false, new ResourceReference("Specimen/s1")));
        Assert.Equal(Sample.Plasma, Assert.Single(m.Case!.Tests).Sample);
    }

    [Theory]
    [InlineData("FFPE tumor block, blood-stained", Sample.Tissue)]
    [InlineData("Blood clot from bronchoscopy biopsy", Sample.Tissue)]
    [InlineData("Bloody pleural fluid", Sample.Cytology)]
    [InlineData("Tissue (liquid biopsy negative)", Sample.Tissue)]
    public void Blood_words_beside_tissue_or_cytology_words_do_not_make_a_specimen_plasma(string text, Sample expected)
    {
        var specimen = new Specimen { Id = "s1", Subject = Subject, Type = new CodeableConcept { Text = text } };
        var m = Map(specimen, AlkNgs(false, new ResourceReference("Specimen/s1")));
        Assert.Equal(expected, Assert.Single(m.Case!.Tests).Sample);
    }

    [Fact]
    public void A_test_without_a_specimen_takes_its_sample_from_its_own_name_and_says_so()
    {
        var o = AlkNgs(false);
        o.Method = new CodeableConcept { Text = "Tissue RNA NGS" };
        var m = Map(o);
        Assert.Equal(Sample.Tissue, Assert.Single(m.Case!.Tests).Sample);
        Assert.Contains(m.Warnings, w => w.Message.Contains("from the test's name", StringComparison.Ordinal));
    }

    [Fact]
    public void An_adverse_event_text_that_denies_the_event_is_not_read()
    {
        var m = Map(Alectinib(MedicationStatement.MedicationStatusCodes.Active, "ongoing"), Event(new CodeableConcept { Text = "No ILD" }, 3));
        Assert.Empty(m.Case!.AdverseEvents);
    }

    [Fact]
    public void A_contained_specimen_is_resolved()
    {
        var o = AlkNgs(false, new ResourceReference("#sp"));
        o.Contained.Add(new Specimen { Id = "sp", Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0487", "PLAS") });
        Assert.Equal(Sample.Plasma, Assert.Single(Map(o).Case!.Tests).Sample);
    }

    [Fact]
    public void A_specimen_referenced_by_identifier_is_resolved()
    {
        var specimen = new Specimen { Id = "s1", Subject = Subject, Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0487", "TISS") };
        specimen.Identifier.Add(new Identifier("urn:lab:accession", "SPEC-1"));
        var m = Map(specimen, AlkNgs(false, new ResourceReference { Identifier = new Identifier(null, "SPEC-1") }));
        Assert.Equal(Sample.Tissue, Assert.Single(m.Case!.Tests).Sample);
    }

    [Fact]
    public void A_specimen_not_in_the_bundle_is_read_from_its_display_with_the_assumption_said()
    {
        var m = Map(AlkNgs(false, new ResourceReference { Identifier = new Identifier(null, "SPEC-1"), Display = "Plasma cfDNA" }, "v1"),
            AlkNgs(false, new ResourceReference { Identifier = new Identifier(null, "SPEC-1"), Display = "Plasma cfDNA" }, "v2"));
        Assert.All(m.Case!.Tests, t => Assert.Equal(Sample.Plasma, t.Sample));
        Assert.Single(m.Warnings, w => w.Code == WarningCodes.FhirAssumed.Code && w.Path.EndsWith(".specimen", StringComparison.Ordinal));
    }

    [Fact]
    public void A_specimen_that_cannot_be_resolved_is_warned_not_silently_unknown()
    {
        var m = Map(AlkNgs(false, new ResourceReference("Specimen/missing")));
        Assert.Null(Assert.Single(m.Case!.Tests).Sample);
        Assert.Contains(m.Warnings, w => w.Code == WarningCodes.FhirSkipped.Code && w.Path == "Bundle.entry[0].resource.specimen");
    }

    [Fact]
    public void A_preliminary_result_with_no_final_one_is_read_with_a_warning_to_confirm_it()
    {
        var m = Map(AlkNgs(true, status: ObservationStatus.Preliminary));
        Assert.Equal(FusionGuide.Domain.TestResult.Positive, Assert.Single(m.Case!.Tests).Result);
        Assert.Contains(m.Warnings, w => w.Code == WarningCodes.PreliminaryResult.Code && w.Path == "Bundle.entry[0].resource.status");
    }

    [Fact]
    public void A_final_result_carries_no_preliminary_warning() =>
        Assert.DoesNotContain(Map(AlkNgs(true)).Warnings, w => w.Code == WarningCodes.PreliminaryResult.Code);

    [Fact]
    public void A_result_contained_in_its_report_is_read()
    {
        var report = new DiagnosticReport { Id = "dr1", Status = DiagnosticReport.DiagnosticReportStatus.Final, Subject = Subject, Code = new CodeableConcept(Loinc, "81247-9") };
        report.Contained.Add(AlkNgs(true, id: "cv1"));
        report.Result.Add(new ResourceReference("#cv1"));
        var m = Map(report);
        var test = Assert.Single(m.Case!.Tests);
        Assert.Equal((Gene.Alk, FusionGuide.Domain.TestResult.Positive, "EML4"), (test.Gene, test.Result, test.FusionPartner));
        Assert.DoesNotContain(m.Warnings, w => w.Path.StartsWith("Bundle.entry[0].resource.result", StringComparison.Ordinal));
    }

    [Fact]
    public void A_local_result_reference_the_report_does_not_contain_is_named_as_such()
    {
        var report = new DiagnosticReport { Id = "dr1", Status = DiagnosticReport.DiagnosticReportStatus.Final, Subject = Subject, Code = new CodeableConcept(Loinc, "81247-9") };
        report.Result.Add(new ResourceReference("#cv9"));
        var warning = Assert.Single(Map(report).Warnings, w => w.Path == "Bundle.entry[0].resource.result[0]");
        Assert.Contains("names no Observation the report contains", warning.Message, StringComparison.Ordinal);
    }
}
