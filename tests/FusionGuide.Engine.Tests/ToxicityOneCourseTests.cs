using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SAFE-TOX-006: the toxicity rows of one drug are one course of action — no row resumes a drug another event stops for
/// good, and no row restores a dose another event has lowered.
/// </summary>
public sealed class ToxicityOneCourseTests
{
    [Fact]
    public void Crizotinib_stopped_for_grade_4_visual_loss_is_not_resumed_by_its_grade_3_ALT_row()
    {
        var r = Cases.OnDrugWithEvents("crizotinib", ("visual-disturbance", 4), ("alt-ast-elevation", 3));

        Assert.All(r.ToxicityManagement, t => Assert.Equal(ToxicityAction.Discontinue, t.Action));
        var alt = Assert.Single(r.ToxicityManagement, t => t.Event == AdverseEventCode.AltAstElevation);
        Assert.Null(alt.Dose);
        Assert.StartsWith("Discontinued: the row for the grade 4 visual disturbance stops crizotinib for good", alt.Rule, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Dosing.Where(d => d.Therapy == Therapy.Crizotinib).SelectMany(d => d.Adjustments ?? []), a => a.StartsWith("after the grade 3", StringComparison.Ordinal));
        Assert.Contains("SAFE-TOX-006", r.Rules());
    }

    [Fact]
    public void Lorlatinib_grade_4_triglycerides_resume_at_75_mg_when_grade_2_CNS_effects_lower_the_dose()
    {
        var r = Cases.OnDrugWithEvents("lorlatinib", ("cognitive-effects", 2), ("hypertriglyceridemia", 4));

        var tg = Assert.Single(r.ToxicityManagement, t => t.Event == AdverseEventCode.Hypertriglyceridemia);
        Assert.Equal("75 mg once daily", tg.Dose);
        Assert.Contains("the row for the grade 2 cognitive effects lowers lorlatinib to 75 mg once daily, so resume at that dose, not at 100 mg once daily", tg.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_event_keeps_its_own_row()
    {
        var r = Cases.OnDrugWithEvents("lorlatinib", ("hypertriglyceridemia", 4));

        Assert.Equal("100 mg once daily", Assert.Single(r.ToxicityManagement).Dose);
        Assert.DoesNotContain("SAFE-TOX-006", r.Rules());
    }

    [Fact]
    public void What_comes_next_after_the_continued_TKI_leaves_out_one_stopped_for_intolerance()
    {
        // SYS-NEXT-001: brigatinib stopped for grade 3 pneumonitis was listed as the next option after alectinib.
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "brigatinib", "start": "2023-01", "end": "2023-04", "stopReason": "intolerance" },
                           { "therapy": "alectinib", "start": "2023-05", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "brigatinib", "event": "pneumonitis", "grade": 3 } ] }
            """);

        var next = Assert.Single(r.Warnings, w => w.Code == WarningCodes.WhatComesNext.Code).Message;
        Assert.Contains("lists lorlatinib (a preferred option)", next, StringComparison.Ordinal);
        Assert.Contains("; not brigatinib, stopped for intolerance", next, StringComparison.Ordinal);
        Assert.DoesNotContain("brigatinib (", next, StringComparison.Ordinal);
    }

    [Fact]
    public void Crizotinib_rows_compare_doses_per_day_across_frequencies()
    {
        // Grade 4 bradycardia with metoprolol resumes at 250 mg once daily; grade 3 ALT at 200 mg twice daily (400 mg a
        // day): the lower daily dose, 250 mg once daily, is the one to resume.
        var r = Cases.Evaluate("""
            {
              "history": [ { "therapy": "crizotinib", "start": "2025-06", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "crizotinib", "event": "bradycardia", "grade": 4 }, { "therapy": "crizotinib", "event": "alt-ast-elevation", "grade": 3 } ],
              "medications": ["metoprolol"]
            }
            """);

        Assert.All(r.ToxicityManagement, t => Assert.StartsWith("250 mg once daily", t.Dose, StringComparison.Ordinal));
    }

    [Fact]
    public void What_comes_next_keeps_a_TKI_whose_recorded_event_its_label_manages_by_a_reduced_dose()
    {
        // Lorlatinib stopped for grade 2 CNS effects can come back at a reduced dose (SYS-INTOL-002): not "not lorlatinib".
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "lorlatinib", "start": "2023-01", "end": "2023-04", "stopReason": "intolerance" },
                           { "therapy": "alectinib", "start": "2023-05", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "lorlatinib", "event": "cognitive-effects", "grade": 2 } ] }
            """);

        var next = Assert.Single(r.Warnings, w => w.Code == WarningCodes.WhatComesNext.Code).Message;
        Assert.Contains("lists lorlatinib (a preferred option)", next, StringComparison.Ordinal);
        Assert.DoesNotContain("not lorlatinib", next, StringComparison.Ordinal);
    }
}
