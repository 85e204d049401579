using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// A toxicity row for a drug still in its lead-in (brigatinib 90 mg for 7 days, repotrectinib 160 mg once daily for
/// 14 days) gives doses relative to the lead-in dose the patient takes, not to the maintenance dose.
/// </summary>
public sealed class LeadInToxicityTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 6);

    private static ToxicityRow Row(string drug, string start, string ev, int grade, string gene = "ALK")
    {
        var tests = gene == "ALK" ? """[ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ]"""
            : """[ { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive" } ]""";
        var r = Cases.Evaluate($$"""
            { "tests": {{tests}},
              "history": [ { "therapy": "{{drug}}", "start": "{{start}}", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "{{drug}}", "event": "{{ev}}", "grade": {{grade}} } ] }
            """, AsOf);
        return Assert.Single(r.ToxicityManagement);
    }

    [Fact]
    public void Grade_1_pneumonitis_in_the_brigatinib_lead_in_resumes_at_90_mg_not_180()
    {
        var row = Row("brigatinib", "2026-12-02", "pneumonitis", 1);

        Assert.StartsWith("90 mg once daily (the lead-in dose; day 5 of 7", row.Dose, StringComparison.Ordinal);
        Assert.DoesNotContain("180 mg once daily", row.Dose!, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_2_pneumonitis_in_the_brigatinib_lead_in_resumes_one_level_below_90_mg()
    {
        var row = Row("brigatinib", "2026-12-02", "pneumonitis", 2);

        Assert.StartsWith("60 mg once daily", row.Dose, StringComparison.Ordinal);
        Assert.Contains("still in the 7-day lead-in", row.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_known_to_the_month_counts_as_lead_in_only_when_its_first_day_is_inside_it()
    {
        Assert.StartsWith("60 mg once daily", Row("brigatinib", "2026-12", "hypertension", 3).Dose, StringComparison.Ordinal);
        Assert.StartsWith("120 mg once daily", Row("brigatinib", "2026-11", "hypertension", 3).Dose, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_lead_in_the_row_keeps_the_maintenance_dose()
    {
        Assert.Equal("180 mg once daily", Row("brigatinib", "2026-09-01", "pneumonitis", 1).Dose);
    }

    [Fact]
    public void A_lead_in_dose_the_ladder_does_not_list_is_sent_to_the_label_not_guessed()
    {
        // Repotrectinib's ladder (120, 80 mg twice daily) is written for the twice-daily phase.
        var row = Row("repotrectinib", "2026-11-28", "dizziness", 3, gene: "ROS1");

        Assert.Contains("take the level from the label", row.Dose, StringComparison.Ordinal);
        Assert.DoesNotContain("twice daily", row.Dose!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dosing_row_says_the_reduced_dose_a_lead_in_pneumonitis_calls_for()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "brigatinib", "start": "2023-03-01", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "brigatinib", "event": "pneumonitis", "grade": 2 } ] }
            """, new DateOnly(2023, 3, 4));

        var dosing = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Brigatinib);
        Assert.Contains(dosing.Adjustments!, a => a.Contains("60 mg once daily", StringComparison.Ordinal) && a.Contains("grade 2 pneumonitis", StringComparison.Ordinal));
    }
}
