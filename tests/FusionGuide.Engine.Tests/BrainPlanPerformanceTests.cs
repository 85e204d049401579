using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// The brain plan by performance status and by what the case leaves out (session 16 expert review): no routine
/// radiotherapy for asymptomatic lesions at ECOG 3-4 (LOC-BRAIN-012), palliative wording without hippocampal avoidance
/// for symptomatic ones, leptomeningeal disease never consolidated as oligometastatic, an unknown lesion count or
/// symptom status said instead of assumed, and no "defer radiosurgery" alternative while the TKI the lesions grew on
/// continues.
/// </summary>
public sealed class BrainPlanPerformanceTests
{
    private const string AfterLorlatinib = """
        "history": [ { "therapy": "alectinib", "start": "2019-01", "end": "2022-01", "stopReason": "progression", "progressionPattern": "systemic" },
                     { "therapy": "lorlatinib", "start": "2022-02", "end": "2025-06", "stopReason": "progression", "progressionPattern": "both" } ]
        """;

    private static string PlanText(Result r) => string.Join(" ", (r.BrainPlan ?? []).Select(s => s.Step));

    [Fact]
    public void ECOG_3_with_three_asymptomatic_lesions_and_no_TKI_left_gets_no_radiosurgery()
    {
        var r = Cases.Evaluate($$"""
            { "patient": { "ecog": 3 },
              "disease": { "brainMetastases": { "present": true, "count": 3, "symptomatic": false, "largestMm": 12, "massEffect": false }, "sites": ["brain", "liver"] },
              {{AfterLorlatinib}} }
            """);

        Assert.DoesNotContain(r.LocalTherapy, l => l.Therapy is LocalTherapy.Srs or LocalTherapy.Wbrt);
        Assert.Contains(RuleIds.BrainPoorPerformance, r.Rules());
        Assert.Contains("ECOG 3", PlanText(r), StringComparison.Ordinal);
        Assert.Contains("palliative care", PlanText(r), StringComparison.Ordinal);
    }

    [Fact]
    public void ECOG_1_with_the_same_lesions_still_gets_radiosurgery()
    {
        var r = Cases.Evaluate($$"""
            { "patient": { "ecog": 1 },
              "disease": { "brainMetastases": { "present": true, "count": 3, "symptomatic": false, "largestMm": 12, "massEffect": false }, "sites": ["brain", "liver"] },
              {{AfterLorlatinib}} }
            """);

        Assert.Contains(r.LocalTherapy, l => l.Therapy == LocalTherapy.Srs);
        Assert.DoesNotContain(RuleIds.BrainPoorPerformance, r.Rules());
    }

    [Fact]
    public void ECOG_4_with_many_symptomatic_lesions_gets_palliative_whole_brain_radiotherapy_without_hippocampal_avoidance()
    {
        var r = Cases.Evaluate($$"""
            { "patient": { "ecog": 4 },
              "disease": { "brainMetastases": { "present": true, "count": 20, "symptomatic": true, "largestMm": 15, "massEffect": false }, "sites": ["brain"] },
              {{AfterLorlatinib}} }
            """);

        var wbrt = Assert.Single(r.LocalTherapy, l => l.Therapy == LocalTherapy.Wbrt);
        Assert.Contains("palliative", wbrt.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain(RuleIds.WbrtHippocampalMemantine, r.Rules());
    }

    [Fact]
    public void Leptomeningeal_disease_is_not_consolidated_as_oligometastatic()
    {
        var r = Cases.Evaluate("""
            { "disease": { "brainMetastases": { "present": true, "count": 1, "symptomatic": false, "largestMm": 8, "leptomeningeal": true }, "sites": ["brain", "adrenal"], "lesionCount": 2 } }
            """);

        Assert.DoesNotContain(r.LocalTherapy, l => l.Indication == LocalIndication.Oligometastatic);
        Assert.Contains(r.Trace, t => t.Rule == RuleIds.Oligometastatic && t.Detail.Contains("Leptomeningeal", StringComparison.Ordinal));
    }

    [Fact]
    public void Oligometastatic_body_radiotherapy_leaves_brain_lesions_to_the_brain_plan()
    {
        var r = Cases.Evaluate("""
            { "disease": { "brainMetastases": { "present": true, "count": 1, "symptomatic": false, "largestMm": 8 }, "sites": ["brain", "adrenal"], "lesionCount": 2 } }
            """);

        var sbrt = Assert.Single(r.LocalTherapy, l => l.Therapy == LocalTherapy.Sbrt);
        Assert.Contains("each extracranial lesion (adrenal; brain lesions as the brain plan says)", sbrt.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Symptomatic_leptomeningeal_disease_without_a_lesion_count_does_not_assume_few_lesions()
    {
        var r = Cases.Evaluate("""
            { "disease": { "brainMetastases": { "present": true, "symptomatic": true, "leptomeningeal": true }, "sites": ["brain"] } }
            """);

        var srs = Assert.Single(r.LocalTherapy, l => l.Therapy == LocalTherapy.Srs);
        Assert.Contains("number of lesions not given", srs.Rationale, StringComparison.Ordinal);
        Assert.Contains("not the leptomeningeal disease", srs.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("a limited number of lesions", srs.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Brain_metastases_without_symptom_status_are_deferred_only_with_the_condition_said()
    {
        var r = Cases.Evaluate("""
            { "disease": { "brainMetastases": { "present": true, "count": 2, "largestMm": 6 }, "sites": ["brain"] } }
            """);

        var text = PlanText(r);
        Assert.Contains("symptoms not stated", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Asymptomatic brain metastases", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesions_growing_on_the_continued_TKI_get_no_defer_radiosurgery_alternative()
    {
        var r = Cases.Evaluate("""
            { "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": false, "largestMm": 9 }, "sites": ["brain", "lung"] },
              "history": [ { "therapy": "alectinib", "start": "2022-03", "stopReason": "progression", "progressionPattern": "cns" } ] }
            """);

        var entry = Assert.Single(r.Trace, t => t.Rule == RuleIds.BrainLocalWhateverTki && t.Detail.StartsWith("Brain metastases", StringComparison.Ordinal));
        Assert.DoesNotContain("switch to alectinib", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("grew on alectinib", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Progression_in_a_clinical_trial_does_not_rule_out_another_trial()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2019-01", "end": "2022-01", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "lorlatinib", "start": "2022-02", "end": "2025-06", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "clinical-trial", "start": "2025-07", "end": "2026-09", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        Assert.DoesNotContain(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ClinicalTrial);
        Assert.Contains(r.SystemicTherapy.Options, o => o.Therapy == Therapy.ClinicalTrial);
    }
}
