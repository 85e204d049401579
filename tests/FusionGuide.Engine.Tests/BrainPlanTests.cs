using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// The brain plan (#20 item 4): radiosurgery by lesion count and performance status, local treatment for large,
/// symptomatic or progressing lesions whatever the TKI, hippocampal-avoidance WBRT with memantine, the MRI schedule
/// when radiotherapy is deferred, the leptomeningeal work-up and steroid guidance.
/// </summary>
public class BrainPlanTests
{
    private static string Brain(string brain, string extra = "") =>
        $$"""{ "disease": { "brainMetastases": {{brain}}, "sites": ["brain", "bone"] } {{extra}} }""";

    private const string SixLesions27mm = """{ "present": true, "count": 6, "symptomatic": false, "largestMm": 27, "massEffect": false }""";

    private static IEnumerable<BrainPlanStep> Plan(Result r, string pathway) => (r.BrainPlan ?? []).Where(s => s.Pathway == pathway);

    private static string PlanText(Result r, string pathway) => string.Join(" ", Plan(r, pathway).Select(s => s.Step));

    [Fact]
    public void Six_brain_lesions_in_a_fit_patient_progressing_in_the_brain_get_radiosurgery()
    {
        var r = Cases.Evaluate(Brain(SixLesions27mm,
            """, "history": [ { "therapy": "alectinib", "start": "2021-03", "end": "2024-05", "stopReason": "progression", "progressionPattern": "cns" } ]"""));

        Assert.Contains("srs", r.Local());
        Assert.DoesNotContain("wbrt", r.Local());
        Assert.Contains(RuleIds.BrainSrsFit, r.Rules());
        var srs = r.LocalTherapy.Single(l => l.Therapy == LocalTherapy.Srs);
        Assert.Contains("6 lesions", srs.Rationale, StringComparison.Ordinal);
        Assert.Contains("progressing on alectinib", srs.Rationale, StringComparison.Ordinal);
        Assert.Contains("ECOG 1", srs.Rationale, StringComparison.Ordinal);
        Assert.Contains("astro-brain-mets-2022", srs.References!);
        Assert.DoesNotContain(RuleIds.BrainTkiFirst, r.Rules());
    }

    [Fact]
    public void Six_brain_lesions_progressing_on_a_continued_tki_get_radiosurgery()
    {
        var r = Cases.Evaluate(Brain(SixLesions27mm,
            """, "history": [ { "therapy": "alectinib", "start": "2021-03", "stopReason": "progression", "progressionPattern": "cns" } ]"""));

        Assert.Contains("srs", r.Local());
        Assert.Contains(RuleIds.BrainSrsFit, r.Rules());
        Assert.Contains(RuleIds.BrainLocalWhateverTki, r.Rules());
    }

    [Theory]
    [InlineData(1, "srs")]
    [InlineData(2, "srs")]
    [InlineData(3, "")]
    public void Radiosurgery_for_five_to_ten_lesions_needs_ecog_0_to_2(int ecog, string expected)
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 7, "symptomatic": false, "largestMm": 12, "massEffect": false }""",
            $$""", "patient": { "ecog": {{ecog}} }, "context": { "available": ["crizotinib", "platinum-pemetrexed"] }"""));

        Assert.Equal("crizotinib", r.First());
        // At ECOG 3 asymptomatic lesions get no routine radiotherapy at all (LOC-BRAIN-012), not whole-brain instead.
        Assert.Equal(expected == "" ? [] : [expected], r.Local());
        Assert.Equal(ecog >= 3, r.Rules().Contains(RuleIds.BrainPoorPerformance));
    }

    [Fact]
    public void Eleven_lesions_are_beyond_radiosurgery_without_a_cns_active_tki()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 11, "symptomatic": true, "largestMm": 12, "massEffect": false }""",
            """, "context": { "available": ["crizotinib", "platinum-pemetrexed"] }"""));

        Assert.Equal(["wbrt"], r.Local());
    }

    [Fact]
    public void Whole_brain_RT_comes_with_hippocampal_avoidance_and_memantine()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 12, "symptomatic": true, "largestMm": 14, "massEffect": false }""",
            """, "context": { "available": ["crizotinib", "platinum-pemetrexed"] }"""));

        Assert.Contains("wbrt", r.Local());
        var text = PlanText(r, "whole-brain-radiotherapy");
        Assert.Contains("hippocampal-avoidance", text, StringComparison.Ordinal);
        Assert.Contains("Memantine 20 mg a day", text, StringComparison.Ordinal);
        var refs = Plan(r, "whole-brain-radiotherapy").SelectMany(s => s.References!).ToList();
        Assert.Contains("nrg-cc001-2020", refs);
        Assert.Contains("rtog-0614-2013", refs);
        Assert.Contains(RuleIds.WbrtHippocampalMemantine, r.Rules());
    }

    [Fact]
    public void Radiosurgery_alone_brings_no_whole_brain_steps()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 2, "symptomatic": true, "largestMm": 12, "massEffect": false }"""));

        Assert.Equal(["srs"], r.Local());
        Assert.Empty(Plan(r, "whole-brain-radiotherapy"));
        Assert.DoesNotContain(RuleIds.WbrtHippocampalMemantine, r.Rules());
    }

    [Fact]
    public void Deferred_radiotherapy_puts_the_MRI_schedule_in_monitoring_and_in_the_brain_plan()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 3, "symptomatic": false, "largestMm": 9, "massEffect": false }"""));

        Assert.Empty(r.LocalTherapy);
        var mri = Assert.Single(r.Monitoring, m => m.Item.StartsWith("MRI of the brain", StringComparison.Ordinal));
        Assert.Equal("every 2–3 months", mri.Schedule);
        Assert.Equal(r.SystemicTherapy.Options[0].Therapy, mri.Therapy);
        var deferral = PlanText(r, "deferred-radiotherapy");
        Assert.Contains("defer radiotherapy", deferral, StringComparison.Ordinal);
        Assert.Contains("every 2–3 months", deferral, StringComparison.Ordinal);
        Assert.Contains(RuleIds.BrainSurveillance, r.Rules());
    }

    [Fact]
    public void A_brain_plan_step_names_each_reference_once()
    {
        // The deferral step cites the rule's sources and the TKI's CNS evidence, which share a review.
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 3, "symptomatic": false, "largestMm": 9, "massEffect": false }"""));

        Assert.NotEmpty(Plan(r, "deferred-radiotherapy"));
        Assert.All(r.BrainPlan!, s => Assert.Equal(s.References!.Distinct().Count(), s.References!.Count));
    }

    [Fact]
    public void Radiotherapy_given_now_brings_no_deferral_surveillance()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 2, "symptomatic": true, "largestMm": 12, "massEffect": false }"""));

        Assert.DoesNotContain(r.Monitoring, m => m.Item.StartsWith("MRI of the brain", StringComparison.Ordinal) && m.Schedule == "every 2–3 months");
        Assert.Empty(Plan(r, "deferred-radiotherapy"));
    }

    [Fact]
    public void Radiosurgery_is_followed_by_brain_MRI_about_every_three_months()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 2, "symptomatic": true, "largestMm": 12, "massEffect": false }"""));

        Assert.Contains("srs", r.Local());
        var mri = Assert.Single(r.Monitoring, m => m.Item.StartsWith("MRI of the brain", StringComparison.Ordinal));
        Assert.Equal("about every 3 months", mri.Schedule);
        Assert.Equal(r.SystemicTherapy.Options[0].Therapy, mri.Therapy);
        Assert.Contains("about every 3 months", PlanText(r, "post-radiosurgery-surveillance"), StringComparison.Ordinal);
        Assert.Contains(RuleIds.BrainAfterRadiosurgery, r.Rules());
    }

    [Fact]
    public void A_resection_with_radiosurgery_to_the_cavity_is_followed_by_brain_MRI()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 1, "symptomatic": true, "largestMm": 35, "massEffect": true }"""));

        Assert.Contains(r.LocalTherapy, l => l.Therapy == LocalTherapy.NeurosurgicalResection);
        Assert.NotEmpty(Plan(r, "post-radiosurgery-surveillance"));
    }

    [Fact]
    public void A_resection_followed_by_whole_brain_radiotherapy_brings_no_post_radiosurgery_step()
    {
        // Thirty lesions, one with mass effect, no CNS-active TKI: resection, then whole-brain radiotherapy — no cavity radiosurgery.
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 30, "symptomatic": true, "largestMm": 35, "massEffect": true }""",
            """, "context": { "available": ["crizotinib", "platinum-pemetrexed"] }"""));

        Assert.Contains(r.LocalTherapy, l => l.Therapy == LocalTherapy.NeurosurgicalResection);
        Assert.Contains("wbrt", r.Local());
        Assert.Empty(Plan(r, "post-radiosurgery-surveillance"));
    }

    [Fact]
    public void Deferred_radiotherapy_and_whole_brain_radiotherapy_bring_no_post_radiosurgery_step()
    {
        var deferred = Cases.Evaluate(Brain("""{ "present": true, "count": 3, "symptomatic": false, "largestMm": 9, "massEffect": false }"""));
        var wbrt = Cases.Evaluate(Brain("""{ "present": true, "count": 14, "symptomatic": true, "largestMm": 12, "massEffect": false }""",
            """, "context": { "available": ["crizotinib", "platinum-pemetrexed"] }"""));

        Assert.Empty(Plan(deferred, "post-radiosurgery-surveillance"));
        Assert.DoesNotContain(RuleIds.BrainAfterRadiosurgery, deferred.Rules());
        Assert.Contains("wbrt", wbrt.Local());
        Assert.DoesNotContain("srs", wbrt.Local());
        Assert.Empty(Plan(wbrt, "post-radiosurgery-surveillance"));
    }

    [Fact]
    public void A_large_asymptomatic_lesion_gets_local_treatment_even_with_a_cns_active_tki()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 2, "symptomatic": false, "largestMm": 32, "massEffect": false }"""));

        Assert.Equal("high", Kb.File(Path.Combine("drugs", $"{r.First()}.json"))["cns"]!["activity"]!.GetValue<string>());
        Assert.Contains("srs", r.Local());
        Assert.Contains(RuleIds.BrainLocalWhateverTki, r.Rules());
        Assert.DoesNotContain(RuleIds.BrainTkiFirst, r.Rules());
    }

    [Fact]
    public void Twelve_symptomatic_lesions_with_a_cns_active_tki_get_radiosurgery_to_the_lesions_that_need_it()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 12, "symptomatic": true, "largestMm": 14, "massEffect": false }"""));

        Assert.Equal("lorlatinib", r.First());
        Assert.Equal(["srs"], r.Local());
        Assert.Contains("lorlatinib, which is CNS-active, treats the others", r.LocalTherapy[0].Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Leptomeningeal_disease_without_parenchymal_lesions_gets_no_radiosurgery_or_resection()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 0, "symptomatic": true, "leptomeningeal": true }""",
            """, "history": [ { "therapy": "alectinib", "start": "2021-03", "end": "2024-05", "stopReason": "progression", "progressionPattern": "cns" } ]"""));

        Assert.DoesNotContain("srs", r.Local());
        Assert.DoesNotContain("neurosurgical-resection", r.Local());
        Assert.Contains("wbrt", r.Local());
        Assert.Contains(RuleIds.Leptomeningeal, r.Rules());
        Assert.DoesNotContain("0 lesions", string.Join(" ", r.LocalTherapy.Select(l => l.Rationale)), StringComparison.Ordinal);
        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.Contains("brain metastases (leptomeningeal disease)", lorlatinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Leptomeningeal_disease_gets_CSF_and_spine_MRI()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 2, "symptomatic": true, "largestMm": 8, "leptomeningeal": true }"""));

        var text = PlanText(r, "leptomeningeal");
        Assert.Contains("whole spine", text, StringComparison.Ordinal);
        Assert.Contains("CSF cytology", text, StringComparison.Ordinal);
        Assert.Contains("cell-free tumour DNA", text, StringComparison.Ordinal);
        Assert.Contains($"{r.First()}, the first choice, has high intracranial activity", text, StringComparison.Ordinal);
        Assert.Contains("eano-esmo-lm-2023", Plan(r, "leptomeningeal").SelectMany(s => s.References!));
        Assert.Contains(RuleIds.LeptomeningealWorkup, r.Rules());
    }

    [Fact]
    public void Symptomatic_brain_metastases_get_dexamethasone_with_a_taper()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 1, "symptomatic": true, "largestMm": 35, "massEffect": true }"""));

        var text = PlanText(r, "steroids-symptomatic");
        Assert.Contains("Dexamethasone", text, StringComparison.Ordinal);
        Assert.Contains("4–8 mg a day", text, StringComparison.Ordinal);
        Assert.Contains("Taper", text, StringComparison.Ordinal);
        Assert.Empty(Plan(r, "steroids-asymptomatic"));
        Assert.Contains(RuleIds.BrainSteroids, r.Rules());
    }

    [Fact]
    public void Asymptomatic_brain_metastases_get_no_steroids()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 3, "symptomatic": false, "largestMm": 9, "massEffect": false }"""));

        Assert.Contains("No steroids", PlanText(r, "steroids-asymptomatic"), StringComparison.Ordinal);
        Assert.Empty(Plan(r, "steroids-symptomatic"));
    }

    [Fact]
    public void Without_brain_metastases_there_is_no_brain_plan()
    {
        var r = Cases.Evaluate();

        Assert.Null(r.BrainPlan);
        Assert.DoesNotContain(r.Monitoring, m => m.Item.StartsWith("MRI of the brain", StringComparison.Ordinal));
    }

    [Fact]
    public void A_brain_plan_step_resting_on_unverified_knowledge_says_so()
    {
        var r = Cases.Evaluate(Brain("""{ "present": true, "count": 3, "symptomatic": false, "largestMm": 9, "massEffect": false }"""));

        var unverified = Kb.File(Path.Combine("local", "deferred-radiotherapy.json"))["steps"]!.AsArray()
            .Where(s => s!["verified"]?.GetValue<bool>() == false).Select(s => s!["text"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(unverified);
        Assert.Contains(Plan(r, "deferred-radiotherapy"), s => unverified.Contains(s.Step));
        Assert.All(Plan(r, "deferred-radiotherapy").Where(s => unverified.Contains(s.Step)), s => Assert.NotNull(s.Caveat));
        Assert.All(Plan(r, "deferred-radiotherapy").Where(s => s.Caveat is null), s => Assert.DoesNotContain(s.Step, unverified));
    }
}
