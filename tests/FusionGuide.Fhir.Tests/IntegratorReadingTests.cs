using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// What an EHR integrator's bundles send (S21D review): where progression happened, read from a status reason's words;
/// adverse events named by SNOMED CT or CTCAE terms; blood and contained or identifier-referenced specimens; preliminary
/// results; results contained in their report.
/// </summary>
public sealed class IntegratorReadingTests
{
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
