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
    public void Entrectinib_with_itraconazole_and_a_toxicity_reduction_says_to_give_the_lower_dose()
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
        Assert.Contains(row.Adjustments!, a => a.StartsWith("while itraconazole is taken: 100 mg once daily", StringComparison.Ordinal) && a.EndsWith("give the lower of the two", StringComparison.Ordinal));
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
}
