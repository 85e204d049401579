using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-DATE-001: content is never applied before it existed. A resistance cell or a trial figure whose every dated
/// source was published after the evaluation date is left out on that date, and the trace says what was left out.
/// </summary>
public sealed class PublishedByTests
{
    private static string Ros1G2032RAfterCrizotinib(string region) => $$"""
        { "tests": [ {{Cases.Ros1Tests[1..^1]}}, {{Cases.ProgressionTest("ROS1", ["G2032R"])}} ],
          "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2023-12", "stopReason": "progression", "progressionPattern": "systemic" } ],
          "context": { {{region}} } }
        """;

    [Fact]
    public void ROS1_G2032R_in_2024_without_region_does_not_offer_drugs_whose_G2032R_activity_was_published_later()
    {
        var r = Cases.Evaluate(Ros1G2032RAfterCrizotinib(""), new DateOnly(2024, 6, 1));

        Assert.Contains("repotrectinib", r.Options());
        Assert.DoesNotContain("taletrectinib", r.Options());
        Assert.DoesNotContain("zidesamtinib", r.Options());
        var left = Assert.Single(r.Trace, t => t.Rule == "SYS-DATE-001");
        Assert.Contains("taletrectinib against G2032R", left.Detail, StringComparison.Ordinal);
        Assert.Contains("zidesamtinib against G2032R", left.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ROS1_G2032R_today_still_offers_taletrectinib_and_leaves_nothing_out()
    {
        var r = Cases.Evaluate(Ros1G2032RAfterCrizotinib("\"region\": \"US\""), new DateOnly(2026, 12, 6));

        Assert.Contains("taletrectinib", r.Options());
        Assert.DoesNotContain(r.Trace, t => t.Rule == "SYS-DATE-001");
    }

    [Fact]
    public void First_line_ALK_in_2025_does_not_quote_CROWN_7_year_figures_presented_in_2026()
    {
        const string alk = """{ "tests": [ { "gene": "ALK", "method": "ihc", "sample": "tissue", "clone": "D5F3", "result": "positive" } ], "context": { "region": "US" } }""";

        var before = Cases.Evaluate(alk, new DateOnly(2025, 9, 1));
        var after = Cases.Evaluate(alk, new DateOnly(2026, 12, 6));

        static string Crown(Result r) => string.Join(" | ", r.Evidence?.Where(x => x.Source == "CROWN").SelectMany(x => x.Figures) ?? []);
        Assert.DoesNotContain("7-year", Crown(before), StringComparison.Ordinal);
        Assert.Contains("5-year", Crown(before), StringComparison.Ordinal);
        Assert.Contains("7-year", Crown(after), StringComparison.Ordinal);
        Assert.Contains(before.Trace, t => t.Rule == "SYS-DATE-001" && t.Detail.Contains("CROWN", StringComparison.Ordinal));
    }

    [Fact]
    public void A_part_whose_cell_was_published_later_leaves_the_drug_unknown_against_the_compound()
    {
        // On 2024-06-01 taletrectinib's F2004C cell was published (2024) but its G2032R cell not yet (2025): the compound
        // F2004C+G2032R must not be judged sensitive from F2004C alone.
        var r = Cases.Evaluate($$"""
            { "tests": [ {{Cases.Ros1Tests[1..^1]}}, {{Cases.ProgressionTest("ROS1", ["F2004C", "G2032R"], sample: "tissue")}} ],
              "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2023-12", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """, new DateOnly(2024, 6, 1));

        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Taletrectinib && o.Rationale.Contains("active against it", StringComparison.Ordinal) && !o.Rationale.Contains("unknown", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Message.Contains("Taletrectinib has no activity record against G2032R", StringComparison.Ordinal));
        Assert.Contains(r.Trace, t => t.Rule == "SYS-DATE-001" && t.Detail.Contains("taletrectinib against G2032R", StringComparison.Ordinal));
    }
}
