using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-CONT-005: alectinib is continued through CNS-only progression on the premise that local treatment reaches the
/// progressing lesions. More lesions than radiosurgery is recommended for without condition (5-10) put lorlatinib (the
/// table's preferred TKI after alectinib, with stronger intracranial evidence) beside the continuation; leptomeningeal
/// disease, or more lesions than radiosurgery is offered for, put it first, with the continuation as the alternative.
/// </summary>
public class CnsSwitchAlternativeTests
{
    private static Result CnsProgressionOnAlectinib(string brain, int ecog = 1) => Cases.Evaluate($$"""
        { "patient": { "age": 58, "sex": "female", "smoking": "never", "ecog": {{ecog}} },
          "disease": { "brainMetastases": {{brain}}, "sites": ["brain"] },
          "history": [ { "therapy": "alectinib", "start": "2021-03", "stopReason": "progression", "progressionPattern": "cns" } ] }
        """);

    [Fact]
    public void Leptomeningeal_progression_on_alectinib_switches_to_lorlatinib_before_continuation()
    {
        var r = CnsProgressionOnAlectinib("""{ "present": true, "leptomeningeal": true }""");

        Assert.Equal("lorlatinib", r.First());
        var lorlatinib = r.SystemicTherapy.Options[0];
        Assert.Equal(Preference.Preferred, lorlatinib.Preference);
        Assert.StartsWith("Switch from alectinib, on which the CNS disease progressed: the disease is leptomeningeal, so local treatment cannot reach all of it", lorlatinib.Rationale, StringComparison.Ordinal);
        var alectinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Alectinib);
        Assert.Equal(Preference.OtherRecommended, alectinib.Preference);
        Assert.Contains("the alternative to switching to lorlatinib", alectinib.Rationale, StringComparison.Ordinal);
        // The switch is the next line after alectinib.
        Assert.Equal(Setting.SubsequentTargeted, r.SystemicTherapy.Setting);
        Assert.Equal(2, r.SystemicTherapy.Line);
        Assert.Contains("SYS-CONT-005", r.Rules());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void More_brain_lesions_than_radiosurgery_treats_switch_to_lorlatinib_first()
    {
        var r = CnsProgressionOnAlectinib("""{ "present": true, "count": 12, "symptomatic": true, "largestMm": 25 }""");

        Assert.Equal("lorlatinib", r.First());
        Assert.Contains("12 brain lesions, more than radiosurgery is offered for (10)", r.SystemicTherapy.Options[0].Rationale, StringComparison.Ordinal);
        Assert.Contains("alectinib", r.Options());
        // Radiosurgery treats the progressing lesions; the others are left to lorlatinib, not to alectinib they grew on.
        var srs = Assert.Single(r.LocalTherapy, l => l.Therapy == LocalTherapy.Srs);
        Assert.Contains("while lorlatinib, which is CNS-active, treats the others", srs.Rationale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void Lesions_radiosurgery_is_only_conditionally_recommended_for_show_lorlatinib_beside_continuation(int count)
    {
        var r = CnsProgressionOnAlectinib($$"""{ "present": true, "count": {{count}}, "symptomatic": false, "largestMm": 9 }""");

        Assert.Equal("alectinib", r.First());
        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.Equal(Preference.OtherRecommended, lorlatinib.Preference);
        Assert.StartsWith($"Alternative to continuing alectinib: {count} brain lesions, for which radiosurgery is only conditionally recommended (more than 4)", lorlatinib.Rationale, StringComparison.Ordinal);
        Assert.Equal(Setting.FirstLine, r.SystemicTherapy.Setting);
    }

    [Fact]
    public void At_poor_performance_status_the_lower_radiosurgery_limit_decides()
    {
        // ECOG 3: radiosurgery is offered for up to 4 lesions, so 6 are beyond it.
        var r = CnsProgressionOnAlectinib("""{ "present": true, "count": 6 }""", ecog: 3);

        Assert.Equal("lorlatinib", r.First());
        Assert.Contains(r.SystemicTherapy.Options, o => o.Rationale.Contains("6 brain lesions, more than radiosurgery is offered for (4)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "present": true, "count": 2, "largestMm": 8 }""")]
    [InlineData("""{ "present": true, "count": 4 }""")]
    [InlineData("""{ "present": true }""")]
    public void CNS_progression_local_treatment_can_reach_only_continues_alectinib(string brain)
    {
        // Within what radiosurgery is recommended for (or a count not given: nothing is assumed) the continuation stands alone.
        var r = CnsProgressionOnAlectinib(brain);

        Assert.Equal("alectinib", r.First());
        Assert.DoesNotContain("lorlatinib", r.Options());
        Assert.DoesNotContain("SYS-CONT-005", r.Rules());
    }

    private static Result CnsProgressionOn(string drug, string brain, int ecog = 1, string tests = "") => Cases.Evaluate($$"""
        { "patient": { "age": 58, "sex": "female", "smoking": "never", "ecog": {{ecog}} },
          {{tests}}
          "disease": { "brainMetastases": {{brain}}, "sites": ["brain"] },
          "history": [ { "therapy": "{{drug}}", "start": "2021-03", "stopReason": "progression", "progressionPattern": "cns" } ] }
        """);

    [Theory]
    [InlineData("""{ "present": true, "count": 0, "leptomeningeal": true }""")]
    [InlineData("""{ "present": true, "count": 15 }""")]
    public void CNS_progression_on_lorlatinib_beyond_local_treatment_is_answered_as_its_failure(string brain)
    {
        // SYS-CONT-007: no TKI with stronger intracranial evidence is left after lorlatinib; continuing it alone (the only
        // option once) left the progressing CNS disease untreated while the text pointed to a switch that was not listed.
        var r = CnsProgressionOn("lorlatinib", brain);

        Assert.NotEqual("lorlatinib", r.First());
        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib && o.Preference == Preference.Preferred);
        Assert.Equal(2, r.SystemicTherapy.Line);
        Assert.Contains("SYS-CONT-007", r.Rules());
        // Continuing it beside CNS-directed treatment stays the alternative (probe S19G: the working TKI was dropped).
        var kept = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.Contains("Continue lorlatinib", kept.Rationale, StringComparison.Ordinal);
        Assert.Contains("for the extracranial disease it still controls", kept.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_around_lorlatinib_answered_as_failed_does_not_say_no_TKI_can_be_given()
    {
        // Probe S22C: the radiotherapy said "no effective CNS-penetrant TKI can be given" and the warning "No ALK TKI is
        // left" while lorlatinib, continued beside that radiotherapy, was among the options.
        var r = CnsProgressionOn("lorlatinib", """{ "present": true, "count": 12 }""");

        var wbrt = Assert.Single(r.LocalTherapy, l => l.Therapy == LocalTherapy.Wbrt);
        Assert.Contains("progressing on lorlatinib", wbrt.Rationale, StringComparison.Ordinal);
        Assert.Contains("lorlatinib is continued beside it", wbrt.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("no effective CNS-penetrant TKI", wbrt.Rationale, StringComparison.Ordinal);
        var warning = Assert.Single(r.Warnings, w => w.Code == "no-targeted-option");
        Assert.Contains("with lorlatinib continued with CNS-directed treatment (the alternative to switching) beside it", warning.Message, StringComparison.Ordinal);
    }

    [Fact]

    public void Leptomeningeal_progression_on_lorlatinib_for_ROS1_reaches_the_labels_written_for_use_after_it()
    {
        var r = CnsProgressionOn("lorlatinib", """{ "present": true, "count": 0, "leptomeningeal": true }""", tests: $$"""
            "tests": {{Cases.Ros1Tests}},
            """);

        Assert.Contains(r.First(), new[] { "repotrectinib", "taletrectinib" });
        Assert.Contains("SYS-CONT-007", r.Rules());
    }

    [Fact]
    public void Leptomeningeal_progression_on_repotrectinib_in_the_US_reaches_zidesamtinibs_label()
    {
        var r = CnsProgressionOn("repotrectinib", """{ "present": true, "count": 0, "leptomeningeal": true }""", tests: $$"""
            "tests": {{Cases.Ros1Tests}},
            """);

        Assert.Contains("zidesamtinib", r.Options());
    }

    [Fact]
    public void Leptomeningeal_progression_on_entrectinib_switches_to_the_ROS1_TKIs_preferred_after_it()
    {
        var r = CnsProgressionOn("entrectinib", """{ "present": true, "count": 0, "leptomeningeal": true }""", tests: $$"""
            "tests": {{Cases.Ros1Tests}},
            """);

        Assert.Contains(r.First(), new[] { "repotrectinib", "taletrectinib" });
        Assert.Equal(Setting.SubsequentTargeted, r.SystemicTherapy.Setting);
        Assert.Equal(2, r.SystemicTherapy.Line);
    }

    [Fact]
    public void Asymptomatic_CNS_progression_on_alectinib_at_ECOG_3_switches_to_lorlatinib_since_radiotherapy_is_not_routine()
    {
        // The brain plan gives no routine radiotherapy at ECOG 3; alectinib was once continued alone "with local treatment".
        var r = CnsProgressionOnAlectinib("""{ "present": true, "count": 2, "symptomatic": false }""", ecog: 3);

        Assert.Equal("lorlatinib", r.First());
        Assert.Contains("ECOG 3 with asymptomatic lesions, for which radiotherapy is not given routinely", r.SystemicTherapy.Options[0].Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Asymptomatic_CNS_progression_on_lorlatinib_at_ECOG_3_keeps_lorlatinib_since_chemotherapy_is_not_given_either()
    {
        var r = CnsProgressionOn("lorlatinib", """{ "present": true, "count": 2, "symptomatic": false }""", ecog: 3);

        Assert.Equal("lorlatinib", r.First());
        Assert.DoesNotContain("SYS-CONT-007", r.Rules());
    }

    [Fact]
    public void G1202R_found_at_CNS_progression_on_alectinib_is_a_second_line_not_a_first_line()
    {
        // Alectinib cannot be continued against G1202R; the plan once fell back to the first-line table (ensartinib
        // "preferred") because the continued TKI was not counted as failed.
        var r = CnsProgressionOnAlectinib("""{ "present": true, "count": 2 }""");
        var withMutation = Cases.Evaluate($$"""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, {{Cases.ProgressionTest("ALK", ["G1202R"], sample: "tissue")}} ],
              "disease": { "brainMetastases": { "present": true, "count": 2 }, "sites": ["brain"] },
              "history": [ { "therapy": "alectinib", "start": "2021-03", "stopReason": "progression", "progressionPattern": "cns" } ] }
            """);

        Assert.Equal("alectinib", r.First());
        Assert.Equal(Setting.SubsequentTargeted, withMutation.SystemicTherapy.Setting);
        Assert.Equal(2, withMutation.SystemicTherapy.Line);
        Assert.Equal("lorlatinib", withMutation.First());
        Assert.DoesNotContain("ensartinib", withMutation.Options());
    }
}
