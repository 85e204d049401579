using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-RES-006 (issue #20, item 2): every TKI the resistance findings rate sensitive or intermediate is an option or
/// avoided with a reason, whatever the order of prior TKIs; a genotype-directed rationale speaks of the patient's finding.
/// </summary>
public class SensitiveDrugsAccountedTests
{
    /// <summary>ROS1 FISH-positive stage IV adenocarcinoma, plasma DNA NGS S1986F after taletrectinib, Japan, 4 symptomatic brain metastases.</summary>
    private const string S1986FAfterTaletrectinib = """
        {
          "tumor": { "histology": "adenocarcinoma", "stage": "IV" },
          "tests": [
            { "gene": "ROS1", "method": "fish", "sample": "tissue", "result": "positive" },
            { "gene": "ROS1", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["S1986F"] }
          ],
          "disease": { "brainMetastases": { "present": true, "count": 4, "symptomatic": true }, "sites": ["brain"] },
          "history": [ { "therapy": "taletrectinib", "start": "2020-04", "end": "2022-10", "stopReason": "progression", "progressionPattern": "systemic" } ],
          "context": { "region": "JP" }
        }
        """;

    private static string L2086FAfter(params string[] drugs) =>
        $$"""{ "tests": [ {{Cases.Ros1Tests[1..^1]}}, {{Cases.ProgressionTest("ROS1", ["L2086F"])}} ], "history": [ {{string.Join(",", drugs.Select((d, i) => $$"""{ "therapy": "{{d}}", "start": "{{2019 + 2 * i}}-01", "end": "{{2020 + 2 * i}}-12", "stopReason": "progression", "progressionPattern": "systemic" }"""))}} ] }""";

    [Fact]
    public void S1986F_after_taletrectinib_accounts_for_every_sensitive_ROS1_TKI()
    {
        var r = Cases.Evaluate(S1986FAfterTaletrectinib);

        Assert.Equal("ROS1", r.Driver());
        foreach (var drug in new[] { "repotrectinib", "lorlatinib", "cabozantinib", "taletrectinib" })
        {
            Assert.True(r.Options().Contains(drug) || r.Avoid().Contains(drug), $"{drug} is neither an option nor avoided");
        }

        Assert.Contains("taletrectinib", r.Avoid());
        Assert.Contains("SYS-RES-006", r.Rules());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void S1986F_after_taletrectinib_offers_lorlatinib_with_the_intermediate_caveat()
    {
        var r = Cases.Evaluate(S1986FAfterTaletrectinib);

        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "lorlatinib");
        Assert.Equal("certain-circumstances", Codes.Preference.Code(lorlatinib.Preference));
        Assert.Contains("S1986F", lorlatinib.Rationale);
        Assert.Contains("intermediate", lorlatinib.Rationale);
    }

    [Fact]
    public void Cabozantinib_rationale_for_S1986F_never_quotes_the_L2086F_sentence()
    {
        var r = Cases.Evaluate(S1986FAfterTaletrectinib);

        var cabozantinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "cabozantinib");
        Assert.DoesNotContain("L2086F", cabozantinib.Rationale);
        Assert.Contains("S1986F", cabozantinib.Rationale);
    }

    [Fact]
    public void Genotype_directed_options_never_rank_ahead_of_guideline_preferred_ones()
    {
        // Within the table that answers the progression; the conventional pathway listed beside (SYS-POST-002) follows.
        var r = Cases.Evaluate(L2086FAfter("crizotinib"));

        var targeted = r.SystemicTherapy.Options.Where(o => Kb.IsTargeted(o.Therapy.Code())).Select(o => o.Preference).ToList();
        Assert.Equal(targeted.Order().ToList(), targeted);
        Assert.All(r.SystemicTherapy.Options.Where(o => o.Therapy.Code() == "cabozantinib"),
            o => Assert.Equal("certain-circumstances", Codes.Preference.Code(o.Preference)));
    }

    [Fact]
    public void L2086F_after_crizotinib_lists_chemotherapy_after_the_only_TKI_left()
    {
        // Cabozantinib (off-label, genotype-directed, certain circumstances) is the only TKI left: the standard pathway
        // is not hidden behind it.
        var r = Cases.Evaluate(L2086FAfter("crizotinib"));

        Assert.Equal("subsequent-targeted", r.Setting());
        Assert.Equal("cabozantinib", r.First());
        Assert.Contains("platinum-pemetrexed", r.Options());
        Assert.Contains("clinical-trial", r.Options());
        Assert.Contains("SYS-POST-002", r.Rules());
        var chemo = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "platinum-pemetrexed");
        Assert.Contains("listed after cabozantinib", chemo.Rationale);
    }

    [Fact]
    public void A_preferred_TKI_left_keeps_the_conventional_pathway_out()
    {
        // I1171N after alectinib: lorlatinib is preferred, so the plan is the table's alone.
        var r = Cases.Evaluate($$"""{ "tests": [ {{Cases.ProgressionTest("ALK", ["I1171N"], sample: "tissue")}} ], "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2025-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }""");

        Assert.Equal("lorlatinib", r.First());
        Assert.DoesNotContain("platinum-pemetrexed", r.Options());
        Assert.DoesNotContain("SYS-POST-002", r.Rules());
    }

    [Fact]
    public void L2086F_after_lorlatinib_then_entrectinib_offers_cabozantinib()
    {
        var r = Cases.Evaluate(L2086FAfter("lorlatinib", "entrectinib"));

        Assert.Equal("subsequent-targeted", r.Setting());
        Assert.Contains("cabozantinib", r.Options());
        Assert.DoesNotContain("no-targeted-option", r.WarningCodes());
        var cabozantinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "cabozantinib");
        Assert.Contains("L2086F", cabozantinib.Rationale);
        Assert.Contains("lorlatinib", r.Avoid());
        Assert.Contains("entrectinib", r.Avoid());
    }

    [Fact]
    public void L2086F_offers_cabozantinib_whatever_the_order_of_prior_TKIs()
    {
        foreach (var order in new[] { new[] { "lorlatinib", "entrectinib" }, ["entrectinib", "lorlatinib"], ["crizotinib", "repotrectinib"], ["repotrectinib", "crizotinib"] })
        {
            var r = Cases.Evaluate(L2086FAfter(order));
            Assert.True(r.Options().Contains("cabozantinib"), $"cabozantinib missing after {string.Join(" then ", order)}");
        }
    }

    [Fact]
    public void A_sensitive_TKI_the_disease_progressed_on_stays_avoided()
    {
        // S1986F rates taletrectinib sensitive in the laboratory, but the disease progressed on it: SYS-RECHAL-001 stands.
        var r = Cases.Evaluate(S1986FAfterTaletrectinib);

        Assert.DoesNotContain("taletrectinib", r.Options());
        var avoided = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy.Code() == "taletrectinib");
        Assert.Contains("progressed", avoided.Reason);
    }

    [Fact]
    public void The_conventional_pathway_beside_crizotinib_alone_and_added_to_lorlatinib_names_each_once()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2016-01", "end": "2018-01", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "lorlatinib", "start": "2018-02", "end": "2019-03", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                         { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "mutations": [], "alterations": ["MET amplification"] } ] }
            """);

        var beside = r.SystemicTherapy.Options.Where(o => o.Rationale.Contains("listed after", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(beside);
        Assert.All(beside, o =>
        {
            Assert.DoesNotContain("crizotinib, crizotinib, which", o.Rationale, StringComparison.Ordinal);
            Assert.Contains("crizotinib with lorlatinib continued", o.Rationale, StringComparison.Ordinal);
        });
    }
}
