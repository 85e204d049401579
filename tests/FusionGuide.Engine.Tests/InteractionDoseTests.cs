using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SAFE-INT-008: a TKI label's dose change for a listed co-medication is on the TKI's dosing row, beside the labelled
/// start it replaces while the two are taken; lorlatinib's fluconazole rule is fluconazole's alone.
/// </summary>
public class InteractionDoseTests
{
    private static Result OnLorlatinib(string medication) => Cases.Evaluate($$"""
        {
          "history": [ { "therapy": "lorlatinib", "start": "2025-06", "stopReason": "ongoing" } ],
          "medications": ["{{medication}}"]
        }
        """);

    [Fact]
    public void Lorlatinib_with_itraconazole_has_the_75_mg_dose_on_its_dosing_row()
    {
        var r = OnLorlatinib("itraconazole");

        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Lorlatinib);
        Assert.Contains(row.Adjustments!, a => a.StartsWith("while itraconazole is taken: 100 -> 75 mg once daily", StringComparison.Ordinal));
        Assert.Contains("SAFE-INT-008", r.Rules());
    }

    [Fact]
    public void Entrectinib_with_itraconazole_and_a_toxicity_reduction_gives_the_labels_fixed_dose_below_it()
    {
        var r = Cases.Evaluate($$"""
            {
              "tests": {{Cases.Ros1Tests}},
              "history": [ { "therapy": "entrectinib", "start": "2025-06", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "entrectinib", "event": "cognitive-effects", "grade": 3 } ],
              "medications": ["itraconazole"]
            }
            """);

        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Entrectinib);
        Assert.Contains(row.Adjustments!, a => a.StartsWith("while itraconazole is taken: 100 mg once daily", StringComparison.Ordinal) && a.EndsWith("the label's dose with itraconazole (100 mg once daily) is a fixed dose below it, so it is the one to give", StringComparison.Ordinal));
    }

    [Fact]
    public void Brigatinib_reduced_twice_with_itraconazole_takes_the_labels_step_from_90_mg_not_the_lower_of_the_two()
    {
        // Two grade 3 hypertension listings: 180 -> 120 -> 90 mg; with a strong inhibitor the label's step from 90 mg is
        // 60 mg ("the lower of the two" would have left 90 mg).
        var r = Cases.Evaluate("""
            {
              "history": [ { "therapy": "brigatinib", "start": "2025-06", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "brigatinib", "event": "hypertension", "grade": 3 }, { "therapy": "brigatinib", "event": "hypertension", "grade": 3 } ],
              "medications": ["itraconazole"]
            }
            """);

        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Brigatinib);
        Assert.Contains(row.Adjustments!, a => a.StartsWith("while itraconazole is taken", StringComparison.Ordinal) && a.EndsWith("the label's step from 90 mg applies: 60 mg", StringComparison.Ordinal));
    }

    [Fact]
    public void Lorlatinib_already_reduced_to_75_mg_with_clarithromycin_is_not_left_at_75_mg()
    {
        // The interaction row's change is written from 100 mg; the step from 75 mg is not in the knowledge base, so the
        // row says so instead of "the lower of the two" (75 mg: no reduction for the inhibitor at all).
        var r = Cases.Evaluate("""
            {
              "history": [ { "therapy": "lorlatinib", "start": "2025-06", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "lorlatinib", "event": "cognitive-effects", "grade": 3 } ],
              "medications": ["clarithromycin"]
            }
            """);

        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Lorlatinib);
        var line = Assert.Single(row.Adjustments!, a => a.StartsWith("while clarithromycin is taken", StringComparison.Ordinal));
        Assert.Contains("already lowered the dose to 75 mg once daily, and the knowledge base records no dose with clarithromycin from there", line, StringComparison.Ordinal);
        Assert.EndsWith("check the label's dose for an already-reduced patient, or avoid clarithromycin", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Lorlatinib_with_fluconazole_is_a_major_pair_with_75_mg()
    {
        var r = OnLorlatinib("fluconazole");

        Assert.Equal(Severity.Major, Assert.Single(r.Interactions, i => i.Therapy == Therapy.Lorlatinib).Severity);
        Assert.Contains(Assert.Single(r.Dosing, d => d.Therapy == Therapy.Lorlatinib).Adjustments!, a => a.StartsWith("while fluconazole is taken: 75 mg once daily", StringComparison.Ordinal));
    }

    [Fact]
    public void Lorlatinib_with_another_moderate_CYP3A_inhibitor_is_monitored_without_a_dose_change()
    {
        var r = OnLorlatinib("erythromycin");

        Assert.Equal(Severity.Moderate, Assert.Single(r.Interactions, i => i.Therapy == Therapy.Lorlatinib).Severity);
        Assert.Null(Assert.Single(r.Dosing, d => d.Therapy == Therapy.Lorlatinib).Adjustments);
    }

    [Fact]
    public void Lorlatinib_continued_with_carbamazepine_says_on_its_row_to_settle_the_contraindicated_pair_today()
    {
        var r = OnLorlatinib("carbamazepine");

        var continued = Assert.Single(r.SystemicTherapy.Options);
        Assert.Contains("carbamazepine (contraindicated interaction, by lorlatinib's label) — settle it today", continued.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Entrectinib_toxicity_row_resuming_the_full_dose_points_to_the_dose_with_fluconazole()
    {
        var r = Cases.Evaluate($$"""
            {
              "tests": {{Cases.Ros1Tests}},
              "history": [ { "therapy": "entrectinib", "start": "2025-06", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "entrectinib", "event": "alt-ast-elevation", "grade": 3 } ],
              "medications": ["fluconazole"]
            }
            """);

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal("600 mg once daily; while fluconazole is taken, the dose with it on the dosing row applies instead", row.Dose);
    }

    [Fact]
    public void Cabozantinib_reduced_for_toxicity_takes_the_labels_20_mg_reduction_from_the_lowered_dose_with_itraconazole()
    {
        var r = Cases.Evaluate($$"""
            {
              "tests": {{Cases.Ros1Tests}},
              "history": [ { "therapy": "cabozantinib", "start": "2025-06", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "cabozantinib", "event": "other", "grade": 3 } ],
              "medications": ["itraconazole"]
            }
            """);

        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Cabozantinib);
        Assert.Contains(row.Adjustments!, a => a.EndsWith("the label's change of -20 mg applies to it: 20 mg", StringComparison.Ordinal));
    }
}
