using FusionGuide.Domain;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Knowledge.Tests;

/// <summary>Start dose and first reduction of every targeted drug against its current US label.</summary>
public sealed class LabelDoseTests
{
    [Theory]
    [InlineData("crizotinib", "250 mg twice daily", "200 mg twice daily")]
    [InlineData("ceritinib", "450 mg once daily", "300 mg once daily")]
    [InlineData("alectinib", "600 mg twice daily", "450 mg twice daily")]
    [InlineData("brigatinib", "90 mg once daily for 7 days, then 180 mg once daily", "120 mg once daily")]
    [InlineData("ensartinib", "225 mg once daily", "200 mg once daily")]
    [InlineData("lorlatinib", "100 mg once daily", "75 mg once daily")]
    [InlineData("entrectinib", "600 mg once daily", "400 mg once daily")]
    [InlineData("repotrectinib", "160 mg once daily for 14 days, then 160 mg twice daily", "120 mg")]
    [InlineData("taletrectinib", "600 mg once daily", "400 mg once daily")]
    [InlineData("cabozantinib", "60 mg once daily", "40 mg once daily")]
    public void Start_dose_and_first_reduction_match_the_label(string drug, string start, string firstReduction)
    {
        var kb = KnowledgeLoader.Embedded;
        var regimen = kb.Drug(Codes.Therapy.Parse(drug)).DosingOn(kb.ReleaseDate)!;
        Assert.Contains(start, regimen.Start, StringComparison.Ordinal);
        Assert.Contains(firstReduction, regimen.Reductions[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Ceritinib_fasted_750_mg_regimen_is_kept_with_its_end_date_and_the_fed_450_mg_one_follows()
    {
        var drug = KnowledgeLoader.Embedded.Drug(Therapy.Ceritinib);
        var old = drug.Dosing.Single(d => d.Validity.To is not null);
        var current = drug.Dosing.Single(d => d.Validity.To is null);
        Assert.Contains("750 mg", old.Start, StringComparison.Ordinal);
        Assert.Contains("450 mg", current.Start, StringComparison.Ordinal);
        Assert.Equal(old.Validity.To, current.Validity.From);
        Assert.True(old.Validity.Contains(old.Validity.To!.Value.AddDays(-1)));
        Assert.False(old.Validity.Contains(old.Validity.To!.Value));
    }
}
