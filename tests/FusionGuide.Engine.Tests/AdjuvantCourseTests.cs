using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-ADJ-003/004: the adjuvant course already in the history of a resected tumour (found by probing: a patient who had
/// completed two years of adjuvant alectinib was offered alectinib again, and one taking it was told to start it), and the
/// approvals a resected tumour outside IB–IIIA is judged against.
/// </summary>
public sealed class AdjuvantCourseTests
{
    private static string ResectedAlk(string stage, string history) => $$"""
        { "tumor": { "stage": "{{stage}}", "resected": true }, "disease": { "brainMetastases": { "present": false }, "sites": [] },
          "history": {{history}} }
        """;

    [Fact]
    public void Completed_adjuvant_alectinib_is_not_offered_again_and_follow_up_is_said()
    {
        var r = Cases.Evaluate(ResectedAlk("IIA", """[ { "therapy": "alectinib", "start": "2023-01", "end": "2025-01", "stopReason": "completed" } ]"""));

        Assert.Equal("adjuvant", r.Setting());
        Assert.Empty(r.Options());
        var next = Assert.Single(r.Warnings, w => w.Code == "what-comes-next");
        Assert.Contains("alectinib (2023-01 to 2025-01)", next.Message, StringComparison.Ordinal);
        Assert.Contains("no further adjuvant systemic therapy", next.Message, StringComparison.Ordinal);
        Assert.Contains("SYS-ADJ-003", r.Rules());
    }

    [Fact]
    public void Adjuvant_alectinib_taken_now_is_continued_not_started()
    {
        var r = Cases.Evaluate(ResectedAlk("IIA", """[ { "therapy": "alectinib", "start": "2025-03", "stopReason": "ongoing" } ]"""));

        var only = Assert.Single(r.SystemicTherapy.Options);
        Assert.Equal(Therapy.Alectinib, only.Therapy);
        Assert.StartsWith("On adjuvant alectinib since 2025-03: continue the adjuvant course", only.Rationale, StringComparison.Ordinal);
        Assert.Contains("2 years", only.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-ADJ-004", r.Rules());
        Assert.DoesNotContain("SYS-ADJ-003", r.Rules());
    }

    [Fact]
    public void Adjuvant_chemotherapy_taken_now_has_one_dosing_row()
    {
        var r = Cases.Evaluate("""
            { "tumor": { "stage": "IIA", "resected": true }, "disease": { "brainMetastases": { "present": false }, "sites": [] },
              "tests": [ { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive" } ],
              "history": [ { "therapy": "platinum-pemetrexed", "start": "2025-09", "stopReason": "ongoing" } ] }
            """);

        Assert.Equal(["platinum-pemetrexed"], r.Options());
        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.PlatinumPemetrexed);
        Assert.Contains("Pemetrexed 500 mg/m²", row.Start, StringComparison.Ordinal);
    }

    [Fact]
    public void Adjuvant_alectinib_stopped_for_intolerance_is_avoided()
    {
        var r = Cases.Evaluate(ResectedAlk("IIA", """[ { "therapy": "alectinib", "start": "2025-03", "end": "2025-06", "stopReason": "intolerance" } ]"""));

        Assert.Contains("alectinib", r.Avoid());
        Assert.DoesNotContain("alectinib", r.Options());
    }

    [Fact]
    public void Resected_stage_IIIC_treated_as_advanced_is_judged_against_first_line_approvals()
    {
        // The resected flag made every first-line TKI "not approved for this indication" (its adjuvant approvals were
        // looked up) while the plan itself was for advanced disease. (Session 19: IIIB is now asked about as adjuvant.)
        var r = Cases.Evaluate(ResectedAlk("IIIC", "[]"));

        Assert.Equal("first-line", r.Setting());
        Assert.Contains("stage-inconsistent", r.WarningCodes());
        Assert.All(r.SystemicTherapy.Options, o => Assert.DoesNotContain("off-label", o.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void Recurrence_after_completed_adjuvant_alectinib_names_the_course_and_says_so_when_alectinib_is_offered_again()
    {
        // Metastatic recurrence: the plan is advanced disease, but the patient is not TKI-naive and the rationale says why
        // alectinib can come back (no progression on it) and what the knowledge base lacks (no table on re-treatment).
        var r = Cases.Evaluate("""
            { "tumor": { "stage": "IVB" },
              "history": [ { "therapy": "alectinib", "start": "2021-01", "end": "2023-01", "stopReason": "completed" } ] }
            """);

        Assert.Equal("first-line", r.Setting());
        Assert.All(r.SystemicTherapy.Options, o => Assert.Contains("after a completed course of alectinib (2021-01 to 2023-01)", o.Rationale, StringComparison.Ordinal));
        var alectinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Alectinib);
        Assert.Contains("the disease did not progress on it; whether this recurrence is sensitive disease returning or resistance acquired on it is not known without a biopsy with resistance testing (tissue, or plasma NGS) before re-treating with it; no guideline table in the knowledge base addresses re-treatment", alectinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-ADJ-005", r.Rules());
    }

    [Fact]
    public void Resected_stage_IIIB_gets_the_adjuvant_plan_with_the_staging_edition_question()
    {
        // An 8th-edition IIIB T3N2 tumour was IIIA in the 7th edition ALINA used; it was sent to open-ended metastatic TKIs.
        var r = Cases.Evaluate(ResectedAlk("IIIB", "[]"));

        Assert.Equal("adjuvant", r.Setting());
        Assert.Equal("alectinib", r.First());
        Assert.Contains(r.Warnings, w => w.Code == "adjuvant-stage" && w.Message.Contains("T3N2", StringComparison.Ordinal));
        Assert.DoesNotContain("stage-inconsistent", r.WarningCodes());
    }
}
