using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SAFE-INT-007: a medication written as an EHR writes it — with its dose, a salt, a release form, or as a combination
/// product of named parts — is read into the known medications it names, so a contraindicated inducer is not lost behind
/// an unknown-medication warning; the row names what was written, and a part the base does not know stays unknown.
/// </summary>
public class MedicationReadingTests
{
    private static Result Lorlatinib(string medication) => Cases.Evaluate($$"""
        {
          "history": [ { "therapy": "lorlatinib", "start": "2025-06", "stopReason": "ongoing" } ],
          "medications": ["{{medication}}"]
        }
        """);

    [Theory]
    [InlineData("phenytoin sodium", "phenytoin")]
    [InlineData("carbamazepine 200 mg BID", "carbamazepine")]
    [InlineData("Tegretol XR", "carbamazepine")]
    [InlineData("rifampin 600 mg", "rifampin")]
    public void A_strong_inducer_written_with_salt_dose_or_form_is_contraindicated_with_lorlatinib(string written, string generic)
    {
        var r = Lorlatinib(written);

        var row = Assert.Single(r.Interactions, i => i.Therapy == Therapy.Lorlatinib);
        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.Equal($"{generic} (written '{written}')", row.With);
        Assert.DoesNotContain(r.Warnings, w => w.Code == "unknown-medication");
        Assert.Contains("SAFE-INT-007", r.Rules());
    }

    [Fact]
    public void A_combination_product_is_read_part_by_part_and_its_unknown_part_is_said()
    {
        var r = Lorlatinib("isoniazid/rifampin");

        Assert.Contains(r.Interactions, i => i.With == "rifampin (written 'isoniazid/rifampin')" && i.Severity == Severity.Contraindicated);
        var unknown = Assert.Single(r.Warnings, w => w.Code == "unknown-medication");
        Assert.Contains("'isoniazid'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_name_as_written_is_read_as_it_is()
    {
        var reading = KnowledgeLoader.Embedded.ReadMedication("Rifadin");

        Assert.True(reading.Exact);
        Assert.Equal("rifampin", Assert.Single(reading.Known).Generic);
    }

    [Fact]
    public void A_name_whose_first_word_is_unknown_stays_unknown_whatever_follows()
    {
        var reading = KnowledgeLoader.Embedded.ReadMedication("paracetamol 500 mg tablets");

        Assert.Empty(reading.Known);
        Assert.Equal(["paracetamol 500 mg tablets"], reading.Unknown);
    }
}
