using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Among equally recommended options, a drug approved in the case's region ranks before one that is off-label there,
/// and both before one whose approval there is not known (Ranking, "approval in the case's region").
/// </summary>
public sealed class RegionalRankingTests
{
    private static Result Ros1AfterEntrectinibIntolerance(string region) => Cases.Evaluate($$"""
        { "tests": {{Cases.Ros1Tests}}, "context": { "region": "{{region}}" },
          "history": [ { "therapy": "entrectinib", "start": "2025-01", "end": "2025-04", "stopReason": "intolerance" } ] }
        """);

    [Fact]
    public void In_the_EU_a_ROS1_TKI_of_unknown_approval_ranks_after_the_approved_ones()
    {
        var r = Ros1AfterEntrectinibIntolerance("EU");

        var order = r.SystemicTherapy.Options.Select(o => o.Therapy).ToList();
        Assert.True(order.IndexOf(Therapy.Taletrectinib) > order.IndexOf(Therapy.Crizotinib));
        Assert.True(order.IndexOf(Therapy.Taletrectinib) > order.IndexOf(Therapy.Repotrectinib));
        Assert.NotEqual(Therapy.Taletrectinib, r.SystemicTherapy.Options[0].Therapy);
    }

    [Fact]
    public void In_the_US_where_both_are_approved_the_guideline_order_stands()
    {
        var r = Ros1AfterEntrectinibIntolerance("US");

        Assert.Contains(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Taletrectinib);
        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Rationale.Contains("approval in US not known", StringComparison.Ordinal));
    }

    [Fact]
    public void A_first_line_approval_of_unknown_status_is_said_as_unknown_not_off_label()
    {
        // Taletrectinib in China: approved after a prior ROS1 TKI (2024-12); the first-line record's status is unknown.
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}}, "context": { "region": "CN" } }""");

        var taletrectinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Taletrectinib);
        Assert.Contains("approval status of taletrectinib in CN is not known", taletrectinib.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("off-label", taletrectinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_its_first_approval_in_a_region_a_record_of_unknown_date_does_not_make_the_drug_possibly_approved()
    {
        // Ceritinib in China: approved 2018-05-31 after crizotinib; a later, undated insert revision adds advanced disease.
        var r = Cases.Evaluate("""
            { "context": { "region": "CN" },
              "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                         { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["I1171N"] } ],
              "history": [ { "therapy": "alectinib", "start": "2016-04", "end": "2017-12", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """, new DateOnly(2018, 2, 11));

        Assert.Contains(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Ceritinib && a.Reason.Contains("not approved in CN", StringComparison.Ordinal));
    }
}
