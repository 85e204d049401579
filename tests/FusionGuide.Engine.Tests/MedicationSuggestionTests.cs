using FusionGuide.Engine.Tests.Support;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// A co-medication the knowledge base does not know gets "did you mean" suggestions from the knowledge base's own names
/// (issue #23): a misspelled strong inducer must not pass as merely "unknown".
/// </summary>
public class MedicationSuggestionTests
{
    private static string UnknownMedicationWarning(string medication)
    {
        var result = Cases.Evaluate($$"""{ "medications": ["{{medication}}"] }""");
        return Assert.Single(result.Warnings, w => w.Code == "unknown-medication").Message;
    }

    [Fact]
    public void Misspelled_rifampicin_gets_a_did_you_mean() =>
        Assert.Contains("'rifampicine' (did you mean 'rifampicin'?)", UnknownMedicationWarning("rifampicine"), StringComparison.Ordinal);

    [Fact]
    public void Misspelled_medication_written_with_its_dose_gets_the_bare_name_suggested() =>
        Assert.Contains("'rifampicine 600 mg' (did you mean 'rifampicin'?)", UnknownMedicationWarning("rifampicine 600 mg"), StringComparison.Ordinal);

    [Fact]
    public void Misspelled_brand_name_gets_a_did_you_mean() =>
        Assert.Contains("(did you mean 'tegretol'?)", UnknownMedicationWarning("Tegretal"), StringComparison.Ordinal);

    [Fact]
    public void Medication_far_from_every_known_name_gets_no_suggestion() =>
        Assert.DoesNotContain("did you mean", UnknownMedicationWarning("paracetamol"), StringComparison.Ordinal);

    [Theory]
    [InlineData("rifampin")]
    [InlineData("Rifadin")]
    [InlineData("itraconazole")]
    public void Known_names_get_no_suggestion(string name) => Assert.Empty(KnowledgeLoader.Embedded.SuggestMedications(name));

    [Fact]
    public void Suggestions_are_the_same_on_every_call()
    {
        var kb = KnowledgeLoader.Embedded;

        Assert.Equal(kb.SuggestMedications("clarithromicin"), kb.SuggestMedications("clarithromicin"));
        Assert.Contains("clarithromycin", kb.SuggestMedications("clarithromicin"));
    }
}
