using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// A subsequent-line label written for use after named TKIs covers only those sequences (Access.StandingOf): lorlatinib's
/// EU label names progression after alectinib or ceritinib, or crizotinib then another inhibitor — after first-line
/// brigatinib it is off-label, and the option says so. A first-line label limited to inhibitor-naive patients (brigatinib
/// in the EU) does not cover a patient who stopped another TKI for intolerance.
/// </summary>
public sealed class LabelSequenceTests
{
    private static string After(string first, string region) => $$"""
        { "context": { "region": "{{region}}" },
          "history": [ { "therapy": "{{first}}", "start": "2020-06", "end": "2022-09", "stopReason": "progression", "progressionPattern": "systemic" } ] }
        """;

    [Fact]
    public void Lorlatinib_in_the_EU_after_first_line_brigatinib_is_said_to_be_off_label()
    {
        var r = Cases.Evaluate(After("brigatinib", "EU"));

        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.Contains("written for use after alectinib or ceritinib", lorlatinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("off-label", lorlatinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Lorlatinib_in_the_EU_after_first_line_alectinib_is_on_its_label()
    {
        var r = Cases.Evaluate(After("alectinib", "EU"));

        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.DoesNotContain("off-label", lorlatinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Brigatinib_in_the_EU_after_alectinib_intolerance_is_outside_its_inhibitor_naive_label()
    {
        var r = Cases.Evaluate("""
            { "context": { "region": "EU" },
              "history": [ { "therapy": "alectinib", "start": "2024-01", "end": "2024-03", "stopReason": "intolerance" } ] }
            """);

        var brigatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Brigatinib);
        Assert.Contains("limited to patients who have not had an ALK inhibitor", brigatinib.Rationale, StringComparison.Ordinal);
    }
}
