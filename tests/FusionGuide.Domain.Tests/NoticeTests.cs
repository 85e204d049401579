using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>Well-formed input the engine cannot use is kept out with a notice, not refused with a problem.</summary>
public class NoticeTests
{
    [Theory]
    [InlineData("$.tests[0].colour")]
    [InlineData("$.patient.weightKg")]
    [InlineData("$.disease.brainMetastases.edema")]
    [InlineData("$.history[1].dose")]
    [InlineData("$.context.site")]
    [InlineData("$.extension")]
    public void An_unknown_field_is_a_notice_not_a_problem(string path)
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, path, "something"));

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.True(outcome.IsValid);
        var notice = Assert.Single(outcome.Notices);
        Assert.Equal("unknown-field", notice.Code);
        Assert.Equal(path, notice.Path);
    }

    [Fact]
    public void An_alteration_outside_the_contract_list_is_a_notice_and_kept_out()
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, "$.tests[3].alterations[0]", "EGFR C797S"));

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.True(outcome.IsValid);
        var notice = Assert.Single(outcome.Notices);
        Assert.Equal("unknown-alteration", notice.Code);
        Assert.StartsWith("$.tests[3].alterations", notice.Path, StringComparison.Ordinal);
        Assert.Empty(outcome.Case!.Tests[3].Alterations);
    }

    [Theory]
    [InlineData("mET amplification ", "MET amplification")]
    [InlineData("  met   AMPLIFICATION", "MET amplification")]
    [InlineData("braf v600e", "BRAF V600E")]
    [InlineData("NF2 loss", "NF2 loss")]
    public void An_alteration_in_another_case_or_spacing_is_canonicalised(string text, string canonical)
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, "$.tests[3].alterations[0]", text));

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.Empty(outcome.Notices);
        Assert.Equal([canonical], outcome.Case!.Tests[3].Alterations);
    }

    [Fact]
    public void The_valid_case_has_no_notice() => Assert.Empty(CaseReader.Read(Cases.ValidText).Notices);
}
