using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Issue #20 item 3: age, ECOG, prior toxicity, comorbidities and co-medications order equally recommended TKIs, each as
/// a named ranking rule, and the reason is written in the option's rationale.
/// </summary>
public sealed class PatientFactorRankingTests
{
    private const string BrainMetastases = """ "disease": { "brainMetastases": { "present": true, "count": 3, "symptomatic": false, "largestMm": 9 }, "sites": ["brain", "bone"] } """;

    private static string Rationale(Domain.Result r, string therapy) =>
        r.SystemicTherapy.Options.Single(o => o.Therapy.Code() == therapy).Rationale;

    [Theory]
    [InlineData(79, 3)]
    [InlineData(82, 2)]
    public void Older_patient_at_reduced_performance_status_with_brain_metastases_gets_alectinib_before_lorlatinib_with_the_reasons_written(int age, int ecog)
    {
        var r = Cases.Evaluate($$"""{ "patient": { "age": {{age}}, "ecog": {{ecog}} }, {{BrainMetastases}} }""");

        Assert.Equal("alectinib", r.First());
        Assert.Contains("LOGiK1401", Rationale(r, "alectinib"), StringComparison.Ordinal);
        Assert.Contains("equally recommended, by patient factors", Rationale(r, "alectinib"), StringComparison.Ordinal);
        Assert.Contains($"age {age}", Rationale(r, "lorlatinib"), StringComparison.Ordinal);
        Assert.Contains("SYS-PAT-ECOG-001", r.Rules());
        Assert.Contains("SYS-PAT-AGE-001", r.Rules());
    }

    [Fact]
    public void Younger_fit_patient_with_brain_metastases_keeps_lorlatinib_first_and_is_told_why()
    {
        var r = Cases.Evaluate($$"""{ {{BrainMetastases}} }""");

        Assert.Equal("lorlatinib", r.First());
        Assert.Contains("ranked before alectinib, equally recommended, by the strength of the intracranial data", Rationale(r, "lorlatinib"), StringComparison.Ordinal);
        Assert.DoesNotContain("SYS-PAT-AGE-001", r.Rules());
        Assert.DoesNotContain("SYS-PAT-ECOG-001", r.Rules());
    }

    [Fact]
    public void Ecog_2_alone_moves_alectinib_ahead_of_lorlatinib_with_brain_metastases()
    {
        var r = Cases.Evaluate($$"""{ "patient": { "ecog": 2 }, {{BrainMetastases}} }""");

        Assert.Equal("alectinib", r.First());
        Assert.DoesNotContain("SYS-PAT-AGE-001", r.Rules());
    }

    [Fact]
    public void Psychiatric_disorder_with_brain_metastases_puts_an_equally_cns_active_tki_before_lorlatinib()
    {
        var r = Cases.Evaluate($$"""{ "comorbidities": ["psychiatric-disorder"], {{BrainMetastases}} }""");

        Assert.NotEqual("lorlatinib", r.First());
        Assert.Equal("high", Kb.Drug(r.First()!)["cns"]!["activity"]!.GetValue<string>());
        Assert.Contains("SYS-COMORB-001", r.Rules());
    }

    [Fact]
    public void Strong_cyp3a_inducer_puts_lorlatinib_after_alectinib_with_brain_metastases_and_names_the_medication()
    {
        var r = Cases.Evaluate($$"""{ "medications": ["rifampin"], {{BrainMetastases}} }""");

        Assert.Equal("alectinib", r.First());
        Assert.Contains("co-medication: rifampin (contraindicated interaction, by lorlatinib's label)", Rationale(r, "lorlatinib"), StringComparison.Ordinal);
        Assert.Contains("SYS-PAT-MED-001", r.Rules());
    }

    [Fact]
    public void Hepatotoxicity_on_an_earlier_tki_is_weighed_against_tkis_whose_label_has_a_liver_rule_and_said_in_their_rationale()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "crizotinib", "start": "2025-01", "end": "2025-03", "stopReason": "intolerance" } ],
              "adverseEvents": [ { "therapy": "crizotinib", "event": "alt-ast-elevation", "grade": 3 } ] }
            """);

        Assert.Contains("SYS-PAT-TOX-001", r.Rules());
        // The event in words, never its code; the drug's name in lower case mid-sentence.
        Assert.Contains("prior toxicity: grade 3 ALT/AST elevation on crizotinib; should it recur at that grade on alectinib, its label says", Rationale(r, "alectinib"), StringComparison.Ordinal);
        var options = r.Options().ToList();
        Assert.True(options.IndexOf("lorlatinib") < options.IndexOf("alectinib"), "lorlatinib's label has no liver rule, so it ranks before alectinib here");
        // The option ranked first says which factor put it there.
        Assert.Contains("by patient factors (alectinib: prior toxicity)", Rationale(r, "lorlatinib"), StringComparison.Ordinal);
    }

    [Fact]
    public void Patient_factors_never_move_an_option_across_preference_levels()
    {
        var r = Cases.Evaluate($$"""{ "patient": { "age": 80, "ecog": 3 }, "medications": ["rifampin"], {{BrainMetastases}} }""");

        var preferences = r.SystemicTherapy.Options.Select(o => (int)o.Preference).ToList();
        Assert.Equal(preferences.Order(), preferences);
    }

    [Fact]
    public void Two_concerns_about_one_option_are_ranked_after_once_not_twice()
    {
        // Age and a major co-medication both weigh against lorlatinib: its rationale names both, then the ranking once.
        var r = Cases.Evaluate("""{ "patient": { "age": 80, "ecog": 1 }, "medications": ["quetiapine"] }""");

        var lorlatinib = r.SystemicTherapy.Options.Single(o => o.Therapy.Code() == "lorlatinib").Rationale;
        Assert.Contains("co-medication: quetiapine", lorlatinib, StringComparison.Ordinal);
        Assert.Contains("age 80", lorlatinib, StringComparison.Ordinal);
        var clause = ", equally recommended, without this concern";
        Assert.Equal(1, lorlatinib.Split(clause).Length - 1);
        Assert.Contains("; ranked after alectinib", lorlatinib, StringComparison.Ordinal);
        Assert.EndsWith($"{clause}.", lorlatinib, StringComparison.Ordinal);
    }

    [Fact]
    public void A_concern_never_says_ranked_after_when_the_option_ranks_first()
    {
        // After alectinib progression lorlatinib is the only TKI the table prefers: an age concern cannot rank it after
        // anything, so the rationale says no alternative without the concern is offered (it said "ranked after equally
        // recommended agents").
        var r = Cases.Evaluate("""
            { "patient": { "age": 78, "ecog": 1 },
              "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2025-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        var first = r.SystemicTherapy.Options[0];
        Assert.Equal(Domain.Therapy.Lorlatinib, first.Therapy);
        Assert.DoesNotContain("ranked after", first.Rationale, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no equally recommended option without this concern is offered", first.Rationale, StringComparison.Ordinal);
    }
}
