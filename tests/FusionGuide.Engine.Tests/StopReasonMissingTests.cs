using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SET-HISTORY-003: a therapy that ended with no stop reason is never silently read as never progressed: a TKI is read
/// as stopped at progression (alectinib and lorlatinib, both ended, no longer make a first-line patient who is offered
/// alectinib again), and the answer says so.
/// </summary>
public class StopReasonMissingTests
{
    [Fact]
    public void Two_TKIs_ended_without_a_reason_are_not_offered_again_as_first_line()
    {
        var r = Cases.Evaluate("""
            {
              "history": [
                { "therapy": "alectinib", "start": "2022-01", "end": "2023-01" },
                { "therapy": "lorlatinib", "start": "2023-02", "end": "2024-01" }
              ]
            }
            """);

        Assert.NotEqual(Setting.FirstLine, r.SystemicTherapy.Setting);
        Assert.DoesNotContain("alectinib", r.Options());
        Assert.DoesNotContain("lorlatinib", r.Options());
        Assert.Equal(2, r.Warnings.Count(w => w.Code == "stop-reason-missing"));
    }

    [Fact]
    public void G1202R_after_alectinib_ended_without_a_reason_gets_lorlatinib()
    {
        var r = Cases.Evaluate("""
            {
              "tests": [
                { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["G1202R"] }
              ],
              "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06" } ]
            }
            """);

        Assert.Equal("lorlatinib", r.First());
        Assert.Contains(r.Warnings, w => w.Code == "stop-reason-missing" && w.Message.Contains("read as stopped at progression", StringComparison.Ordinal));
    }
}
