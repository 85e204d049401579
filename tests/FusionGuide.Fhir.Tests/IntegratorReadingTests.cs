using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// What an EHR integrator's bundles send (S21D review): where progression happened, read from a status reason's words;
/// adverse events named by SNOMED CT or CTCAE terms; blood and contained or identifier-referenced specimens; preliminary
/// results; results contained in their report.
/// </summary>
public sealed class IntegratorReadingTests
{
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
