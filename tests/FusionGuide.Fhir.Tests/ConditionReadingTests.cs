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
}
