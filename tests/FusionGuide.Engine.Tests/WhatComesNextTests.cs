using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>#20 item 6: a result with fewer than two systemic options says what comes next (SYS-NEXT-001).</summary>
public sealed class WhatComesNextTests
{
    private const string AlkIhc = """{ "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }""";

    private static string Progressed(params string[] drugs) =>
        "[" + string.Join(",", drugs.Select((d, i) => $$"""{ "therapy": "{{d}}", "start": "{{2010 + 2 * i}}-01", "end": "{{2011 + 2 * i}}-12", "stopReason": "progression", "progressionPattern": "systemic" }""")) + "]";

    /// <summary>Advanced cases from few options to many: first line, after each TKI, after chemotherapy, at poor performance.</summary>
    private static readonly string[] Overrides =
    [
        "{}",
        """{ "patient": { "ecog": 3 } }""",
        """{ "patient": { "ecog": 4 } }""",
        $$"""{ "history": {{Progressed("alectinib")}} }""",
        $$"""{ "history": {{Progressed("alectinib", "lorlatinib")}} }""",
        $$"""{ "history": {{Progressed("alectinib", "lorlatinib", "platinum-pemetrexed")}} }""",
        $$"""{ "history": {{Progressed("alectinib", "lorlatinib", "platinum-pemetrexed", "docetaxel")}} }""",
        $$"""{ "tests": [ {{AlkIhc}}, {{Cases.ProgressionTest("ALK", ["G1202R", "L1196M"])}} ], "history": {{Progressed("alectinib", "lorlatinib")}} }""",
        $$"""{ "tests": {{Cases.Ros1Tests}}, "history": {{Progressed("crizotinib", "repotrectinib")}} }""",
    ];

    public static TheoryData<string> AdvancedCases => new(Overrides);

    [Theory]
    [MemberData(nameof(AdvancedCases))]
    public void Fewer_than_two_options_say_what_comes_next_and_two_or_more_do_not(string overrides)
    {
        var r = Cases.Evaluate(overrides);

        Assert.Equal(r.SystemicTherapy.Options.Count < 2, r.WarningCodes().Contains("what-comes-next"));
        Assert.Equal(r.SystemicTherapy.Options.Count < 2, r.Rules().Contains("SYS-NEXT-001"));
    }

    [Fact]
    public void The_cohort_above_has_a_result_with_fewer_than_two_options()
    {
        Assert.Contains(Overrides, c => Cases.Evaluate(c).SystemicTherapy.Options.Count < 2);
    }

    [Fact]
    public void What_comes_next_names_a_trial_and_best_supportive_care()
    {
        var r = Overrides.Select(c => Cases.Evaluate(c)).First(x => x.SystemicTherapy.Options.Count < 2);
        var text = r.Warnings.Single(w => w.Code == "what-comes-next").Message;

        Assert.Contains("clinical trial", text, StringComparison.Ordinal);
        Assert.Contains("best supportive care", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chemotherapy_is_not_proposed_again_after_platinum_and_docetaxel_have_failed()
    {
        var r = Cases.Evaluate($$"""{ "history": {{Progressed("alectinib", "lorlatinib", "platinum-pemetrexed", "docetaxel")}} }""");

        if (r.WarningCodes().Contains("what-comes-next"))
        {
            var text = r.Warnings.Single(w => w.Code == "what-comes-next").Message;
            Assert.DoesNotContain("Platinum", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("docetaxel", text, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.True(r.SystemicTherapy.Options.Count >= 2);
        }
    }

    [Fact]
    public void A_patient_continuing_first_line_alectinib_is_told_lorlatinib_comes_next_not_a_trial_now()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "alectinib", "start": "2024-01", "stopReason": "ongoing" } ] }""");

        Assert.Equal(["alectinib"], r.Options());
        var text = r.Warnings.Single(w => w.Code == "what-comes-next").Message;
        Assert.StartsWith("Alectinib is continued while it controls the disease. At progression, re-test for resistance", text, StringComparison.Ordinal);
        Assert.Contains("lists lorlatinib (a preferred option)", text, StringComparison.Ordinal);
        // Neither the TKI itself nor "a trial now": the targeted line is not ending.
        Assert.DoesNotContain("alectinib (", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ask for one now", text, StringComparison.Ordinal);
        Assert.Contains(r.Trace, t => t.Rule == "SYS-NEXT-001" && t.References.Contains("nccn-nsclc-v5-2025"));
    }

    [Fact]
    public void A_ROS1_patient_continuing_crizotinib_is_told_the_next_generation_options()
    {
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}}, "history": [ { "therapy": "crizotinib", "start": "2024-01", "stopReason": "ongoing" } ] }""");

        var text = r.Warnings.Single(w => w.Code == "what-comes-next").Message;
        Assert.Contains("after crizotinib", text, StringComparison.Ordinal);
        Assert.Contains("repotrectinib (a preferred option)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void After_lorlatinib_without_a_progression_genotype_the_no_TKI_warning_asks_for_a_retest()
    {
        var r = Cases.Evaluate($$"""{ "history": {{Progressed("lorlatinib")}} }""");

        var text = r.Warnings.Single(w => w.Code == "no-targeted-option").Message;
        Assert.Contains("No ALK genotype at progression is reported: the guideline lists", text, StringComparison.Ordinal);
        Assert.Contains("after lorlatinib when the genotype supports them — re-test", text, StringComparison.Ordinal);
        // Only the warning says it: the option rationales keep the short situation.
        Assert.All(r.SystemicTherapy.Options, o => Assert.DoesNotContain("re-test", o.Rationale, StringComparison.Ordinal));

        // With a genotype reported at progression, nothing is awaited.
        var tested = Cases.Evaluate($$"""{ "tests": [ {{AlkIhc}}, {{Cases.ProgressionTest("ALK", ["G1202R", "L1196M"])}} ], "history": {{Progressed("alectinib", "lorlatinib")}} }""");
        Assert.DoesNotContain(tested.Warnings, w => w.Message.Contains("No ALK genotype at progression", StringComparison.Ordinal));
    }
}
