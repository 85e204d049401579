using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-CONT-006: oligoprogression on a TKI the first-line table no longer prefers (crizotinib for ALK) shows the TKIs the
/// table after it prefers beside the continuation; a TKI still preferred first line (crizotinib for ROS1) is continued alone.
/// </summary>
public class SwitchFromNonPreferredTests
{
    private const string OligoOnCrizotinib = """
        "history": [ { "therapy": "crizotinib", "start": "2023-01", "stopReason": "progression", "progressionPattern": "oligoprogression" } ],
        "disease": { "brainMetastases": { "present": false }, "sites": ["bone"], "lesionCount": 1 }
        """;

    [Fact]
    public void ALK_oligoprogression_on_crizotinib_shows_the_next_generation_TKIs_beside_the_continuation()
    {
        var r = Cases.Evaluate($$"""{ {{OligoOnCrizotinib}} }""");

        Assert.Equal("crizotinib", r.First());
        var alectinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Alectinib);
        Assert.Equal(Preference.OtherRecommended, alectinib.Preference);
        Assert.StartsWith("Alternative to continuing crizotinib", alectinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("lists crizotinib first line only as", alectinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-CONT-006", r.Rules());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void ROS1_oligoprogression_on_crizotinib_still_preferred_first_line_is_continued_alone()
    {
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}}, {{OligoOnCrizotinib}} }""");

        Assert.Equal(["crizotinib"], r.Options());
        Assert.DoesNotContain("SYS-CONT-006", r.Rules());
    }
}
