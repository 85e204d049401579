using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// A fact whose sources disagree (a <c>disputed</c> block in knowledge/) is named on the row it decides, in the words of
/// its summary, not only in <c>kb audit</c> (issue #17 items 3 and 4).
/// </summary>
public sealed class DisputedFactTests
{
    private static string AlkAtProgression(string mutation, string prior) => $$"""
        { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, {{Cases.ProgressionTest("ALK", [mutation], sample: "tissue")}} ],
          "history": [ { "therapy": "{{prior}}", "start": "2021-01", "end": "2023-12", "stopReason": "progression", "progressionPattern": "systemic" } ] }
        """;

    [Fact]
    public void Disputed_resistance_cell_is_named_on_the_row()
    {
        // alk-i1171n × crizotinib is resistant (emerges on crizotinib in patients) but CGI records it responsive.
        var r = Cases.Evaluate(AlkAtProgression("I1171N", "alectinib"));

        var crizotinib = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Crizotinib);
        Assert.Contains("sources disagree: I1171T/N/S are reported at progression on crizotinib", crizotinib.Reason, StringComparison.Ordinal);
        // A cell whose sources agree says nothing of the kind.
        var alectinib = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Alectinib);
        Assert.DoesNotContain("sources disagree", alectinib.Reason, StringComparison.Ordinal);
        Assert.All(r.SystemicTherapy.Options, o => Assert.DoesNotContain("sources disagree", o.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void Disputed_toxicity_rule_is_named_in_the_row_caveat()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "lorlatinib", "start": "2025-01", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "lorlatinib", "event": "hypercholesterolemia", "grade": 2 } ] }
            """);

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(ToxicityAction.Continue, row.Action);
        Assert.StartsWith("Sources disagree: the US dose-modification table has a lipid row only for grade 4", row.Caveat, StringComparison.Ordinal);
    }

    [Fact]
    public void Disputed_lesion_limit_is_named_on_the_oligometastatic_row()
    {
        var r = Cases.Evaluate("""{ "disease": { "sites": ["bone"], "lesionCount": 2 } }""");

        var sbrt = Assert.Single(r.LocalTherapy, l => l.Therapy == LocalTherapy.Sbrt);
        Assert.Contains("Limit of 3 lesions: sources disagree:", sbrt.Rationale, StringComparison.Ordinal);
    }
}
