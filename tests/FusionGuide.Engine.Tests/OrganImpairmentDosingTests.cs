using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SAFE-DOSE-002/004: a patient with renal or hepatic impairment never gets a TKI dosing row that is silent about it —
/// the label's adjustment when the knowledge base holds one, otherwise a line saying none is recorded.
/// </summary>
public sealed class OrganImpairmentDosingTests
{
    [Theory]
    [InlineData("renal-impairment", "ALK")]
    [InlineData("renal-impairment", "ROS1")]
    [InlineData("liver-impairment", "ALK")]
    [InlineData("liver-impairment", "ROS1")]
    public void Every_TKI_dosing_row_speaks_to_the_patients_organ_impairment(string impairment, string gene)
    {
        var tests = gene == "ALK" ? """[ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ]""" : Cases.Ros1Tests;
        var r = Cases.Evaluate($$"""{ "tests": {{tests}}, "comorbidities": ["{{impairment}}"] }""");

        var tkiRows = r.Dosing.Where(d => Kb.IsTargeted(d.Therapy.Code())).ToList();
        Assert.NotEmpty(tkiRows);
        Assert.All(tkiRows, row => Assert.Contains(row.Adjustments ?? [], a => a.StartsWith(impairment, StringComparison.Ordinal)));
        foreach (var row in tkiRows.Where(row => row.Adjustments!.Any(a => a.Contains("records no adjustment", StringComparison.Ordinal))))
        {
            Assert.Contains(r.Trace, t => t.Rule == "SAFE-DOSE-004" && t.Detail.Contains(row.Therapy.Code(), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Crizotinib_in_severe_renal_impairment_shows_the_labels_reduced_start()
    {
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}}, "comorbidities": ["renal-impairment"] }""");

        var crizotinib = r.Dosing.Single(d => d.Therapy == Therapy.Crizotinib);
        Assert.Contains(crizotinib.Adjustments!, a => a.Contains("250 mg once daily", StringComparison.Ordinal));
        Assert.DoesNotContain(crizotinib.Adjustments!, a => a.Contains("records no adjustment", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_an_impairment_no_adjustment_line_is_written()
    {
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}} }""");

        Assert.All(r.Dosing, d => Assert.Null(d.Adjustments));
        Assert.DoesNotContain(r.Trace, t => t.Rule == "SAFE-DOSE-004");
    }
}
