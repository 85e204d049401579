using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-POST-002: genotype-directed TKIs offered in certain circumstances lead the standard pathway only when the genotype
/// supports them: not when every one is only partly active, and not when the mutation found is rated sensitive to the TKI
/// it emerged on (it does not explain the progression, and no clinical data support another TKI rated the same).
/// </summary>
public class ConventionalFirstTests
{
    private static Result After(string tests, string history) => Cases.Evaluate($$"""{ "tests": {{tests}}, "history": {{history}} }""");

    private static string Alk(string mutations) => $$"""
        [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
          { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "mutations": [{{mutations}}] } ]
        """;

    private const string AlectinibThenLorlatinib = """
        [ { "therapy": "alectinib", "start": "2020-01", "end": "2022-01", "stopReason": "progression", "progressionPattern": "systemic" },
          { "therapy": "lorlatinib", "start": "2022-02", "end": "2025-06", "stopReason": "progression", "progressionPattern": "systemic" } ]
        """;

    [Fact]
    public void ROS1_G2032R_emerging_on_repotrectinib_puts_the_standard_pathway_before_taletrectinib()
    {
        var r = After("""
            [ { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive" },
              { "gene": "ROS1", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "mutations": ["G2032R"] } ]
            """, """[ { "therapy": "repotrectinib", "start": "2024-01", "end": "2026-03", "stopReason": "progression", "progressionPattern": "systemic" } ]""");

        Assert.Equal("platinum-pemetrexed", r.First());
        var taletrectinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Taletrectinib);
        Assert.Contains("emerged on repotrectinib, which the same activity data rate sensitive to it", taletrectinib.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compound_only_partly_covered_after_lorlatinib_puts_chemotherapy_first()
    {
        var r = After(Alk("\"I1171N\", \"L1198F\""), AlectinibThenLorlatinib);

        Assert.Equal("platinum-pemetrexed", r.First());
        Assert.Contains(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Ceritinib && o.Rationale.Contains("none of them is rated fully active", StringComparison.Ordinal));
    }

    [Fact]
    public void C1156Y_L1198F_after_lorlatinib_still_leads_with_crizotinib()
    {
        var r = After(Alk("\"C1156Y\", \"L1198F\""), AlectinibThenLorlatinib);

        Assert.Equal("crizotinib", r.First());
    }
}
