using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SAFE-TOX-005: an adverse event listed more than once for the same drug is a recurrence — one row at its highest grade,
/// the label's recurrence rule (onRecurrence) when an earlier listing fell under the same rule, and one step down the
/// reduction ladder per listing that resumed at a reduced dose; past the last level, discontinue.
/// </summary>
public sealed class ToxicityRecurrenceTests
{
    [Fact]
    public void Brigatinib_pneumonitis_that_recurs_at_grade_1_is_stopped_for_good_and_the_plan_moves_on()
    {
        var r = Cases.OnDrugWithEvents("brigatinib", ("pneumonitis", 1), ("pneumonitis", 1));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(ToxicityAction.Discontinue, row.Action);
        Assert.Contains("read as a recurrence, so the label's rule for a recurrence applies", row.Rule, StringComparison.Ordinal);
        Assert.Contains(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Brigatinib && a.Reason.Contains("recurring on it", StringComparison.Ordinal));
        Assert.DoesNotContain("brigatinib", r.Options());
        Assert.Contains("SAFE-TOX-005", r.Rules());
    }

    [Fact]
    public void Lorlatinib_cognitive_effects_listed_twice_resume_two_levels_down_at_50_mg()
    {
        var r = Cases.OnDrugWithEvents("lorlatinib", ("cognitive-effects", 2), ("cognitive-effects", 2));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.StartsWith("50 mg once daily", row.Dose, StringComparison.Ordinal);
    }

    [Fact]
    public void Alectinib_grade_3_transaminases_a_third_time_pass_the_end_of_the_ladder_and_discontinue()
    {
        var r = Cases.OnDrugWithEvents("alectinib", ("alt-ast-elevation", 3), ("alt-ast-elevation", 3), ("alt-ast-elevation", 3));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(ToxicityAction.Discontinue, row.Action);
        Assert.Contains("No lower dose level is left after 2 reductions", row.Rule, StringComparison.Ordinal);
        Assert.Contains(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Alectinib);
    }

    [Fact]
    public void Lorlatinib_severe_hypertriglyceridemia_that_recurs_resumes_one_level_lower()
    {
        var r = Cases.OnDrugWithEvents("lorlatinib", ("hypertriglyceridemia", 4), ("hypertriglyceridemia", 4));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(ToxicityAction.HoldThenReduce, row.Action);
        Assert.StartsWith("75 mg once daily", row.Dose, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worsening_from_grade_2_to_grade_4_is_not_a_recurrence_of_the_grade_4_rule()
    {
        var r = Cases.OnDrugWithEvents("brigatinib", ("hypercholesterolemia", 2), ("hypercholesterolemia", 4));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(4, row.Grade);
        Assert.Equal(ToxicityAction.HoldThenReduce, row.Action);
        Assert.Equal("brigatinib", r.First());
    }

    [Fact]
    public void An_event_once_named_and_once_left_to_be_attributed_at_the_same_grade_is_one_event_not_a_recurrence()
    {
        var r = Cases.Evaluate("""
            {
              "history": [ { "therapy": "brigatinib", "start": "2025-06", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "brigatinib", "event": "pneumonitis", "grade": 1 }, { "event": "pneumonitis", "grade": 1 } ]
            }
            """);

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(ToxicityAction.Hold, row.Action);
        Assert.DoesNotContain("SAFE-TOX-005", r.Rules());
    }
}
