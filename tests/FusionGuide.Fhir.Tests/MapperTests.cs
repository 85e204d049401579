using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Tests;

/// <summary>Single resources: what each mapper reads, and what it names instead of dropping.</summary>
public sealed class MapperTests
{
    private static FhirMapping Map(params Resource[] resources)
    {
        var b = new Bundle { Type = Bundle.BundleType.Collection };
        b.Entry.AddRange(resources.Select(r => new Bundle.EntryComponent { Resource = r }));
        return FhirCaseReader.Read(b, new FhirMappingOptions { AsOf = Examples.AsOf });
    }

    private static readonly ResourceReference Subject = new("Patient/p1");

    [Fact]
    public void Age_is_counted_at_the_evaluation_date_not_the_clock()
    {
        var p = new Hl7.Fhir.Model.Patient { Id = "p1", BirthDate = "1971-11-25", Gender = AdministrativeGender.Female };
        Assert.Equal(54, Map(p).Case!.Patient.Age);
        Assert.Equal(55, FhirCaseReader.Read(p, new FhirMappingOptions { AsOf = new DateOnly(2026, 11, 25) }).Case!.Patient.Age);
    }

    [Fact]
    public void A_resource_about_another_patient_is_a_problem()
    {
        var m = Map(new Hl7.Fhir.Model.Patient { Id = "p1" }, new Condition { Code = new CodeableConcept("http://snomed.info/sct", "55822004"), Subject = new ResourceReference("Patient/p2") });
        Assert.Null(m.Case);
        Assert.Equal("Bundle.entry[1].resource.subject", Assert.Single(m.Problems).Path);
    }

    [Fact]
    public void Problems_about_the_patient_name_no_id_birth_date_or_age()
    {
        // Problems reach callers' error logs (CDS Hooks 400, the fhir command): the other id is often an MRN.
        var other = Map(new Hl7.Fhir.Model.Patient { Id = "p1" }, new Condition { Code = new CodeableConcept("http://snomed.info/sct", "55822004"), Subject = new ResourceReference("Patient/MRN-55512345") });
        Assert.Equal("this Condition is about another patient than the Patient read", Assert.Single(other.Problems).Message);
        var second = Map(new Hl7.Fhir.Model.Patient { Id = "p1" }, new Hl7.Fhir.Model.Patient { Id = "MRN-55512345" });
        Assert.Equal("a second Patient beside the first: a case is about one patient", Assert.Single(second.Problems).Message);
        var future = Map(new Hl7.Fhir.Model.Patient { Id = "p1", BirthDate = "2031-05-17" });
        Assert.Equal("the birth date is after the evaluation date", Assert.Single(future.Problems).Message);
        var old = Map(new Hl7.Fhir.Model.Patient { Id = "p1", BirthDate = "1868-03-14" });
        Assert.Equal("the birth date gives an age above 120", Assert.Single(old.Problems).Message);
    }

    [Fact]
    public void An_unreadable_ALK_protein_change_is_a_problem()
    {
        var o = new Observation
        {
            Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "69548-6"), Value = new CodeableConcept("http://loinc.org", "LA9633-4"),
            Component =
            [
                new Observation.ComponentComponent { Code = new CodeableConcept("http://loinc.org", "48018-6"), Value = new CodeableConcept("http://www.genenames.org", "HGNC:427", "ALK") },
                new Observation.ComponentComponent { Code = new CodeableConcept("http://loinc.org", "48005-3"), Value = new CodeableConcept("http://varnomen.hgvs.org", "p.?") },
            ],
        };
        Assert.Equal("Bundle.entry[0].resource.component[1].valueCodeableConcept", Assert.Single(Map(o).Problems).Path);
    }

    [Fact]
    public void Comorbidities_map_from_SNOMED_and_ICD10_and_the_rest_is_named()
    {
        var m = Map(
            new Condition { Code = new CodeableConcept("http://snomed.info/sct", "55822004", "Hyperlipidemia"), Subject = Subject },
            new Condition { Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", "I10", "Essential hypertension"), Subject = Subject },
            new Condition { Code = new CodeableConcept("http://snomed.info/sct", "195967001", "Asthma"), Subject = Subject });
        Assert.Equal([Comorbidity.Hyperlipidemia, Comorbidity.Hypertension], m.Case!.Comorbidities);
        Assert.Equal("Bundle.entry[2].resource.code", Assert.Single(m.Warnings, w => w.Path != "$").Path);
    }

    [Fact]
    public void An_mCODE_medication_request_with_a_termination_reason_is_history()
    {
        var r = new MedicationRequest
        {
            Status = MedicationRequest.MedicationrequestStatus.Stopped, Intent = MedicationRequest.MedicationRequestIntent.Order, Subject = Subject,
            Medication = new CodeableConcept { Text = "Alecensa 150 mg capsule" }, AuthoredOn = "2022-01-10",
            DosageInstruction = [new Dosage { Timing = new Timing { Repeat = new Timing.RepeatComponent { Bounds = new Period { Start = "2022-01-10", End = "2023-03-02" } } } }],
        };
        r.Extension.Add(new Extension("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-treatment-termination-reason", new CodeableConcept("http://snomed.info/sct", "407563006", "Treatment not tolerated")));
        var h = Assert.Single(Map(r).Case!.History);
        Assert.Equal((Therapy.Alectinib, "2022-01-10", "2023-03-02", StopReason.Intolerance), (h.Therapy, h.Start, h.End, h.StopReason!.Value));
    }

    [Fact]
    public void An_adverse_event_needs_its_CTCAE_grade()
    {
        var graded = new Hl7.Fhir.Model.AdverseEvent { Actuality = Hl7.Fhir.Model.AdverseEvent.AdverseEventActuality.Actual, Subject = Subject, Event = new CodeableConcept("http://snomed.info/sct", "302870006", "Hypertriglyceridemia") };
        graded.Extension.Add(new Extension("http://hl7.org/fhir/us/ctcae/StructureDefinition/ctcae-grade", new CodeableConcept("http://hl7.org/fhir/us/ctcae/CodeSystem/ctcae-grade-code-system", "3")));
        graded.SuspectEntity.Add(new Hl7.Fhir.Model.AdverseEvent.SuspectEntityComponent { Instance = new ResourceReference { Display = "lorlatinib" } });
        var ungraded = new Hl7.Fhir.Model.AdverseEvent { Actuality = Hl7.Fhir.Model.AdverseEvent.AdverseEventActuality.Actual, Subject = Subject, Event = new CodeableConcept { Text = "Nausea" } };
        var m = Map(graded, ungraded);
        var ae = Assert.Single(m.Case!.AdverseEvents);
        Assert.Equal((AdverseEventCode.Hypertriglyceridemia, 3, Therapy.Lorlatinib), (ae.Event, ae.Grade, ae.Therapy!.Value));
        Assert.StartsWith("Bundle.entry[1].resource.extension", Assert.Single(m.Warnings, w => w.Path != "$").Path, StringComparison.Ordinal);
    }

    [Fact]
    public void PD_L1_TPS_and_a_FISH_percentage_are_read()
    {
        var pdl1 = new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "83053-9", "PD-L1 by clone 22C3"), Value = new Quantity(60, "%") { Unit = "%" }, Subject = Subject };
        var fish = new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept { Text = "ALK gene rearrangement by FISH" }, Value = new Quantity(38, "%") { Unit = "%" }, Subject = Subject };
        fish.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept { Text = "Nuclei scored" }, Value = new Integer(50) });
        var tests = Map(pdl1, fish).Case!.Tests;
        Assert.Equal((Gene.PdL1, TestMethod.Ihc, 60d, Clone.C22C3), (tests[0].Gene, tests[0].Method, tests[0].Tps!.Value, tests[0].IhcClone!.Value));
        Assert.Equal((Gene.Alk, TestMethod.Fish, 38d, 50), (tests[1].Gene, tests[1].Method, tests[1].PercentRearrangedCells!.Value, tests[1].CellsScored!.Value));
    }

    [Fact]
    public void A_tumour_marker_component_FusionGuide_does_not_read_is_named_in_a_warning_not_dropped()
    {
        var ihc = new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept { Text = "ALK protein by IHC" }, Value = new CodeableConcept("http://loinc.org", "LA6576-8"), Subject = Subject };
        ihc.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept { Text = "Staining intensity" }, Value = new Integer(3) });
        ihc.Component.Add(new Observation.ComponentComponent { Code = new CodeableConcept { Text = "H-score" }, Value = new Integer(240) });
        var m = Map(ihc);
        var test = Assert.Single(m.Case!.Tests);
        Assert.Equal((Gene.Alk, TestMethod.Ihc, FusionGuide.Domain.TestResult.Positive, 3), (test.Gene, test.Method, test.Result!.Value, test.Intensity!.Value));
        var warning = Assert.Single(m.Warnings, w => w.Path.Contains("component", StringComparison.Ordinal));
        Assert.Equal("Bundle.entry[0].resource.component[1]", warning.Path);
        Assert.Contains("H-score", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MET_amplification_at_progression_joins_the_ALK_test_taken_then()
    {
        var b = new BundleBuilder("p1").Patient("1970-01-01", AdministrativeGender.Male)
            .Therapy("1727455", "alectinib", "2022-01", "2024-06", "Systemic progression")
            .Variant("2024-06-20", "PLAS", "cfDNA sequencing", "p.Gly1202Arg", ("HGNC:427", "ALK"));
        var bundle = b.Bundle();
        var amp = new Observation
        {
            Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "69548-6"), Value = new CodeableConcept("http://loinc.org", "LA9633-4"),
            Method = new CodeableConcept("http://loinc.org", "LA26398-0"), Effective = new FhirDateTime("2024-06-20"), Subject = new ResourceReference("Patient/p1"),
            Specimen = ((Observation)bundle.Entry.Last(e => e.Resource is Observation).Resource!).Specimen,
            Component =
            [
                new Observation.ComponentComponent { Code = new CodeableConcept("http://loinc.org", "48018-6"), Value = new CodeableConcept("http://www.genenames.org", "HGNC:7029", "MET") },
                new Observation.ComponentComponent { Code = new CodeableConcept("http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs", "molecular-consequence"), Value = new CodeableConcept("http://www.sequenceontology.org", "SO:0001742", "copy_number_gain") },
            ],
        };
        bundle.Entry.Add(new Bundle.EntryComponent { Resource = amp });
        var test = Assert.Single(FhirCaseReader.Read(bundle, new FhirMappingOptions { AsOf = Examples.AsOf }).Case!.Tests);
        Assert.Equal((TestTiming.Progression, "G1202R", "MET amplification"), (test.Timing!.Value, test.Mutations.Single(), test.Alterations.Single()));
    }

    [Fact]
    public void An_active_co_medication_whose_period_ended_before_the_evaluation_date_is_not_current()
    {
        MedicationStatement Itraconazole(string end) => new()
        {
            Status = MedicationStatement.MedicationStatusCodes.Active, Subject = Subject,
            Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "28031", "itraconazole"),
            Effective = new Period { Start = "2023-01-01", End = end },
        };
        var ended = Map(Itraconazole("2023-02-01"));
        Assert.Empty(ended.Case!.Medications);
        var warning = Assert.Single(ended.Warnings, w => w.Code == WarningCodes.FhirAssumed.Code);
        Assert.Equal("Bundle.entry[0].resource.effectivePeriod.end", warning.Path);
        Assert.Contains("ended 2023-02-01, before the evaluation date", warning.Message, StringComparison.Ordinal);

        Assert.Equal(["itraconazole"], Map(Itraconazole("2099-12-31")).Case!.Medications);
    }

    [Fact]
    public void A_medication_contained_in_its_statement_or_request_is_read_for_interactions()
    {
        // EHRs send the Medication inside the statement ("#med1"); unresolved it was "neither a code nor a name: not read",
        // and a strong inducer beside lorlatinib went unchecked.
        static Medication Rifampin() => new() { Id = "med1", Code = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "9384", "rifampin") };
        var statement = new MedicationStatement { Status = MedicationStatement.MedicationStatusCodes.Active, Subject = Subject, Medication = new ResourceReference("#med1") };
        statement.Contained.Add(Rifampin());
        Assert.Equal(["rifampin"], Map(statement).Case!.Medications);

        var request = new MedicationRequest
        {
            Status = MedicationRequest.MedicationrequestStatus.Active, Intent = MedicationRequest.MedicationRequestIntent.Order, Subject = Subject,
            Medication = new ResourceReference("#med1"), AuthoredOn = "2024-01-01",
        };
        request.Contained.Add(Rifampin());
        Assert.Equal(["rifampin"], Map(request).Case!.Medications);
    }

    [Theory]
    [InlineData("identifier")]
    [InlineData("display")]
    [InlineData("Group/g1")]
    [InlineData("#p")]
    [InlineData("urn:uuid:7c1b1f0e-0000-4000-8000-000000000001")]
    [InlineData("https://other.example/fhir/Patient/p2")]
    public void A_resource_whose_subject_cannot_be_tied_to_the_patient_is_a_problem_not_read_as_theirs(string subject)
    {
        // A lorlatinib statement of another patient (an MRN identifier, a display name, a group, ...) was read as this
        // patient's: a treatment-naive patient's card said "Continue lorlatinib".
        var reference = subject switch
        {
            "identifier" => new ResourceReference { Identifier = new Identifier("urn:oid:1.2.3", "MRN-99") },
            "display" => new ResourceReference { Display = "Jane Roe" },
            _ => new ResourceReference(subject),
        };
        var patient = new Hl7.Fhir.Model.Patient { Id = "p1", Identifier = [new Identifier("urn:oid:1.2.3", "MRN-1")] };
        var lorlatinib = new MedicationStatement
        {
            Status = MedicationStatement.MedicationStatusCodes.Active, Subject = reference,
            Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "2103164", "lorlatinib"),
        };
        var m = Map(patient, lorlatinib);
        Assert.Null(m.Case);
        var problem = Assert.Single(m.Problems);
        Assert.Equal("Bundle.entry[1].resource.subject", problem.Path);
        Assert.DoesNotContain("MRN-99", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_given_by_the_patients_identifier_or_its_full_url_is_the_patient()
    {
        var patient = new Hl7.Fhir.Model.Patient { Id = "p1", Identifier = [new Identifier("urn:oid:1.2.3", "MRN-1")] };
        MedicationStatement Rifampin(ResourceReference subject) => new()
        {
            Status = MedicationStatement.MedicationStatusCodes.Active, Subject = subject,
            Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "9384", "rifampin"),
        };
        Assert.Equal(["rifampin"], Map(patient, Rifampin(new ResourceReference { Identifier = new Identifier("urn:oid:1.2.3", "MRN-1") })).Case!.Medications);

        var b = new Bundle { Type = Bundle.BundleType.Transaction };
        b.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:7c1b1f0e-0000-4000-8000-000000000002", Resource = patient });
        b.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:7c1b1f0e-0000-4000-8000-000000000003", Resource = Rifampin(new ResourceReference("urn:uuid:7c1b1f0e-0000-4000-8000-000000000002")) });
        Assert.Equal(["rifampin"], FhirCaseReader.Read(b, new FhirMappingOptions { AsOf = Examples.AsOf }).Case!.Medications);
    }
    [Fact]
    public void Without_a_patient_id_or_a_Patient_the_subjects_must_still_be_one_patient()
    {
        // Probe S22E: a transaction bundle's Patient often has no id, and a bundle may hold no Patient: another patient's
        // lorlatinib was then read as this one's ("Continue lorlatinib").
        static MedicationStatement Lorlatinib(string subject) => new()
        {
            Status = MedicationStatement.MedicationStatusCodes.Active, Subject = new ResourceReference(subject),
            Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "2103164", "lorlatinib"),
        };
        var noId = new Bundle { Type = Bundle.BundleType.Transaction };
        noId.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:7c1b1f0e-0000-4000-8000-000000000010", Resource = new Hl7.Fhir.Model.Patient() });
        noId.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:7c1b1f0e-0000-4000-8000-000000000011", Resource = Lorlatinib("Patient/zzz") });
        var read = FhirCaseReader.Read(noId, new FhirMappingOptions { AsOf = Examples.AsOf });
        Assert.Null(read.Case);
        Assert.Equal("Bundle.entry[1].resource.subject", Assert.Single(read.Problems).Path);

        var mixed = Map(new Condition { Code = new CodeableConcept("http://snomed.info/sct", "254637007"), Subject = new ResourceReference("Patient/p1") }, Lorlatinib("Patient/p2"));
        Assert.Null(mixed.Case);
        Assert.Equal("Bundle.entry[1].resource.subject", Assert.Single(mixed.Problems).Path);
    }

    [Fact]
    public void A_conditional_reference_by_the_patients_own_identifier_is_the_patient()
    {
        var patient = new Hl7.Fhir.Model.Patient { Id = "p1", Identifier = [new Identifier("urn:oid:1.2.3", "MRN-1")] };
        var rifampin = new MedicationStatement
        {
            Status = MedicationStatement.MedicationStatusCodes.Active, Subject = new ResourceReference("Patient?identifier=urn:oid:1.2.3|MRN-1"),
            Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "9384", "rifampin"),
        };
        Assert.Equal(["rifampin"], Map(patient, rifampin).Case!.Medications);
        rifampin.Subject = new ResourceReference("Patient?identifier=urn:oid:1.2.3|MRN-2");
        Assert.Null(Map(patient, rifampin).Case);
    }
}
