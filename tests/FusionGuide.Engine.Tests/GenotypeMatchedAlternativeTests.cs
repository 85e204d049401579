using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-CONT-003 (issue #20, item 2): during local therapy for oligoprogression, a resistance mutation found in the
/// biopsied lesion brings the genotype-matched TKI as an option — not only "continue the TKI".
/// </summary>
public class GenotypeMatchedAlternativeTests
{
    private static string OligoprogressionOnAlectinib(params string[] mutations) =>
        $$"""
        { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }
                     {{(mutations.Length > 0 ? ", " + Cases.ProgressionTest("ALK", mutations, sample: "tissue") : "")}} ],
          "history": [ { "therapy": "alectinib", "start": "2022-01", "stopReason": "progression", "progressionPattern": "oligoprogression" } ],
          "disease": { "sites": ["bone"], "lesionCount": 1 } }
        """;

    [Fact]
    public void G1202del_in_the_biopsied_lesion_during_oligoprogression_on_alectinib_shows_lorlatinib_beside_continuation()
    {
        // G1202del leaves alectinib intermediate, so alectinib is continued with local treatment; lorlatinib covers it fully.
        var r = Cases.Evaluate(OligoprogressionOnAlectinib("G1202del"));

        Assert.Equal("alectinib", r.First());
        Assert.Contains("SYS-CONT-002", r.Rules());
        Assert.Contains("SYS-CONT-003", r.Rules());
        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "lorlatinib");
        Assert.Contains("G1202del", lorlatinib.Rationale);
        Assert.Contains(r.LocalTherapy, l => l.Indication == LocalIndication.Oligoprogression);
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void G1202R_in_the_biopsied_lesion_during_oligoprogression_on_alectinib_switches_to_lorlatinib()
    {
        // G1202R resists alectinib: it is not continued (SYS-CONT-001/002), and lorlatinib, the matched TKI, leads.
        var r = Cases.Evaluate(OligoprogressionOnAlectinib("G1202R"));

        Assert.Equal("lorlatinib", r.First());
        Assert.Contains("alectinib", r.Avoid());
        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "lorlatinib");
        Assert.Contains("G1202R", lorlatinib.Rationale);
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void Oligoprogression_without_a_mutation_only_continues_alectinib()
    {
        var r = Cases.Evaluate(OligoprogressionOnAlectinib());

        Assert.Equal("alectinib", r.First());
        Assert.DoesNotContain("lorlatinib", r.Options());
        Assert.DoesNotContain("SYS-CONT-003", r.Rules());
    }

    [Fact]
    public void L1196M_after_crizotinib_judges_alectinib_fully_active()
    {
        // Lin 2017 Table 2 and CIViC EID141 (Sakamoto 2011): alectinib targets the L1196M gatekeeper (knowledge 2026.12.5).
        var r = Cases.Evaluate($$"""
            { "tests": [ { "gene": "ALK", "method": "ihc", "sample": "tissue", "clone": "D5F3", "result": "positive" },
                         {{Cases.ProgressionTest("ALK", ["L1196M"], sample: "tissue")}} ],
              "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2024-01", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "context": { "region": "US" } }
            """);

        var alectinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "alectinib");
        Assert.Contains("active against it", alectinib.Rationale);
        Assert.DoesNotContain("only partly active", alectinib.Rationale);
        Assert.Contains("crizotinib", r.Avoid());
    }
}
