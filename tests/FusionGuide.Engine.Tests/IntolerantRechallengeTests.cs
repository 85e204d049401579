using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-INTOL-002: a TKI stopped for an adverse event its label manages without stopping it for good is offered again when
/// no other TKI is left (lorlatinib, the only TKI active against G1202R, after grade 3 mood effects on it); an event the
/// label stops it for permanently keeps it avoided; an intolerance with no event recorded is said.
/// </summary>
public class IntolerantRechallengeTests
{
    private const string G1202RAfterAlectinib = """
        "tests": [
          { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
          { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "mutations": ["G1202R"] }
        ]
        """;

    private static string Case(string events) => $$"""
        {
          {{G1202RAfterAlectinib}},
          "history": [
            { "therapy": "lorlatinib", "start": "2024-01", "end": "2024-03", "stopReason": "intolerance" },
            { "therapy": "alectinib", "start": "2024-04", "end": "2026-06", "stopReason": "progression", "progressionPattern": "systemic" }
          ],
          "adverseEvents": [ {{events}} ]
        }
        """;

    [Fact]
    public void G1202R_after_alectinib_rechallenges_lorlatinib_stopped_for_grade_3_mood_effects_at_the_reduced_dose()
    {
        var r = Cases.Evaluate(Case("""{ "therapy": "lorlatinib", "event": "mood-effects", "grade": 3 }"""));

        Assert.Equal("lorlatinib", r.First());
        Assert.Equal(Setting.SubsequentTargeted, r.SystemicTherapy.Setting);
        var lorlatinib = r.SystemicTherapy.Options[0];
        Assert.Contains("a re-challenge after intolerance", lorlatinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("withholding it, then resuming at a reduced dose", lorlatinib.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Lorlatinib);
        var dosing = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Lorlatinib);
        Assert.Contains(dosing.Adjustments!, a => a.Contains("restart once it has resolved to grade 1 or less, at 75 mg once daily", StringComparison.Ordinal));
        Assert.Contains("SYS-INTOL-002", r.Rules());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void Lorlatinib_stopped_for_grade_3_hypertriglyceridemia_restarts_at_the_labelled_dose()
    {
        var r = Cases.Evaluate(Case("""{ "therapy": "lorlatinib", "event": "hypertriglyceridemia", "grade": 3 }"""));

        Assert.Equal("lorlatinib", r.First());
        Assert.Contains("continuing it at the same dose", r.SystemicTherapy.Options[0].Rationale, StringComparison.Ordinal);
        var dosing = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Lorlatinib);
        Assert.Contains(dosing.Adjustments!, a => a.Contains("at 100 mg once daily (the labelled dose)", StringComparison.Ordinal));
    }

    [Fact]
    public void Lorlatinib_stopped_for_grade_4_cognitive_effects_stays_avoided_with_the_label_reason()
    {
        var r = Cases.Evaluate(Case("""{ "therapy": "lorlatinib", "event": "cognitive-effects", "grade": 4 }"""));

        Assert.Equal(Setting.PostTargeted, r.SystemicTherapy.Setting);
        Assert.DoesNotContain("lorlatinib", r.Options());
        var avoided = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Lorlatinib);
        Assert.Contains("its label says to stop it permanently for grade 4 cognitive effects", avoided.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Intolerance_with_no_event_recorded_is_said_and_not_judged()
    {
        var r = Cases.Evaluate(Case(""));

        Assert.Equal(Setting.PostTargeted, r.SystemicTherapy.Setting);
        Assert.Contains(r.Warnings, w => w.Code == "intolerance-not-described");
    }

    [Fact]
    public void First_line_after_intolerance_still_switches_to_another_TKI_without_a_rechallenge()
    {
        var r = Cases.Evaluate("""
            {
              "history": [ { "therapy": "alectinib", "start": "2025-01", "end": "2025-03", "stopReason": "intolerance" } ],
              "adverseEvents": [ { "therapy": "alectinib", "event": "ck-elevation", "grade": 3 } ]
            }
            """);

        Assert.Equal(Setting.FirstLine, r.SystemicTherapy.Setting);
        Assert.DoesNotContain("alectinib", r.Options());
        Assert.DoesNotContain("SYS-INTOL-002", r.Rules());
    }

    [Fact]
    public void Lorlatinib_stopped_for_hypertension_that_recurred_at_grade_4_stays_avoided()
    {
        var r = Cases.Evaluate(Case("""{ "therapy": "lorlatinib", "event": "hypertension", "grade": 4 }, { "therapy": "lorlatinib", "event": "hypertension", "grade": 4 }"""));

        Assert.DoesNotContain("lorlatinib", r.Options());
        var avoided = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Lorlatinib);
        Assert.Contains("recurred on it (listed 2 times)", avoided.Reason, StringComparison.Ordinal);
    }
}
