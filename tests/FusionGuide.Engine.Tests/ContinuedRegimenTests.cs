using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-CONT-004 (found by probing): a patient taking platinum-pemetrexed after the last TKI, without progression, was shown
/// it as a "preferred option" to start, among four other regimens; it is continued, and docetaxel follows it.
/// </summary>
public sealed class ContinuedRegimenTests
{
    private const string OnChemotherapyAfterEveryTki = """
        { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                     { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "mutations": ["G1202R", "L1196M"] } ],
          "history": [ { "therapy": "alectinib", "start": "2019-01", "end": "2021-06", "stopReason": "progression", "progressionPattern": "systemic" },
                       { "therapy": "lorlatinib", "start": "2021-07", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" },
                       { "therapy": "platinum-pemetrexed", "start": "2024-07", "stopReason": "ongoing" } ] }
        """;

    [Fact]
    public void Chemotherapy_taken_now_after_the_last_tki_is_continued_as_the_one_option()
    {
        var r = Cases.Evaluate(OnChemotherapyAfterEveryTki);

        Assert.Equal("post-targeted", r.Setting());
        var only = Assert.Single(r.SystemicTherapy.Options);
        Assert.Equal(Therapy.PlatinumPemetrexed, only.Therapy);
        Assert.StartsWith("On platinum (cisplatin or carboplatin) + pemetrexed since 2024-07 without recorded progression: continue it", only.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-CONT-004", r.Rules());
        Assert.Single(r.Dosing, d => d.Therapy == Therapy.PlatinumPemetrexed);

        var next = Assert.Single(r.Warnings, w => w.Code == "what-comes-next");
        Assert.Contains("docetaxel", next.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chemotherapy_given_before_the_driver_was_found_is_not_continued_over_a_tki()
    {
        // Taken now when ALK is found: the plan is the first-line TKI, not the chemotherapy.
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "platinum-pemetrexed", "start": "2026-10", "stopReason": "ongoing" } ] }""");

        Assert.Equal("first-line", r.Setting());
        Assert.DoesNotContain("SYS-CONT-004", r.Rules());
        Assert.True(Kb.IsTargeted(r.First()!));
    }
}
