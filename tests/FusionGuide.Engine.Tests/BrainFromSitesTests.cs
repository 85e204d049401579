using System.Text.Json.Nodes;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SET-BRAIN-001: "brain" among the metastatic sites is read as brain metastases present when brainMetastases does not
/// say so — the brain plan must not vanish because one of two fields was left out — and the answer says which it read.
/// </summary>
public class BrainFromSitesTests
{
    [Fact]
    public void Brain_among_the_sites_with_brain_metastases_left_out_is_read_as_present_and_said()
    {
        var root = JsonNode.Parse(Cases.Json("""{ "disease": { "sites": ["bone", "brain"] } }"""))!.AsObject();
        root["disease"]!.AsObject().Remove("brainMetastases");

        var r = Cases.EvaluateJson(root.ToJsonString());

        Assert.Contains(r.Warnings, w => w.Code == "brain-metastases-from-sites" && w.Message.Contains("does not say whether they are present", StringComparison.Ordinal));
        Assert.Contains("SYS-CNS-001", r.Rules());
    }

    [Fact]
    public void Brain_among_the_sites_against_brain_metastases_not_present_is_read_as_present_and_said()
    {
        var r = Cases.Evaluate("""{ "disease": { "brainMetastases": { "present": false }, "sites": ["brain"] } }""");

        Assert.Contains(r.Warnings, w => w.Code == "brain-metastases-from-sites" && w.Message.Contains("says not present", StringComparison.Ordinal));
        Assert.Contains("SYS-CNS-001", r.Rules());
    }

    [Fact]
    public void Sites_without_brain_and_no_brain_metastases_say_nothing()
    {
        var r = Cases.Evaluate("""{ "disease": { "brainMetastases": { "present": false }, "sites": ["bone"] } }""");

        Assert.DoesNotContain(r.Warnings, w => w.Code == "brain-metastases-from-sites");
        Assert.DoesNotContain("SYS-CNS-001", r.Rules());
    }

    [Fact]
    public void With_brain_metastases_a_low_CNS_first_option_is_not_traced_as_leading_for_CNS_activity()
    {
        // ROS1 in March 2020: crizotinib leads on the table's preference; the trace said "CNS-active agents lead
        // (crizotinib first)" while crizotinib's intracranial activity is low.
        var r = Cases.Evaluate($$"""
            { "tests": {{Cases.Ros1Tests}}, "disease": { "brainMetastases": { "present": true, "count": 3 }, "sites": ["brain"] } }
            """, new DateOnly(2020, 3, 1));

        Assert.Equal("crizotinib", r.First());
        var line = Assert.Single(r.Trace, t => t.Rule == "SYS-CNS-001").Detail;
        Assert.Contains("crizotinib (intracranial activity low) is first, ahead of", line, StringComparison.Ordinal);
        Assert.DoesNotContain("(crizotinib first)", line, StringComparison.Ordinal);
    }
}
