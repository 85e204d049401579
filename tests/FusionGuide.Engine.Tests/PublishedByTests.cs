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
        var left = LeftOut(r);
        Assert.Contains("taletrectinib against G2032R", left, StringComparison.Ordinal);
        Assert.Contains("zidesamtinib against G2032R", left, StringComparison.Ordinal);
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
        // On 2025-03-01 taletrectinib's F2004C cell was published (its source is dated 2024, so certain from 2025-01-01)
        // but its G2032R cell not yet (2025-06-20): the compound F2004C+G2032R must not be judged sensitive from F2004C alone.
        var r = Cases.Evaluate($$"""
            { "tests": [ {{Cases.Ros1Tests[1..^1]}}, {{Cases.ProgressionTest("ROS1", ["F2004C", "G2032R"], sample: "tissue")}} ],
              "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2023-12", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """, new DateOnly(2025, 3, 1));

        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Taletrectinib && o.Rationale.Contains("active against it", StringComparison.Ordinal) && !o.Rationale.Contains("unknown", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Message.Contains("Taletrectinib has no activity record against G2032R", StringComparison.Ordinal));
        Assert.Contains(r.Trace, t => t.Rule == "SYS-DATE-001" && t.Detail.Contains("taletrectinib against G2032R", StringComparison.Ordinal));
    }

    // ARROS-1 (arros-1-wclc-2025) is the only source of zidesamtinib's G2032R cell; the test states its date.
    private static FusionEngine ArrosDated(string date) =>
        EditedKnowledge.Engine(("references/arros-1-wclc-2025.json", r => r["date"] = date));

    private static Result G2032RAfterCrizotinib(FusionEngine engine, DateOnly asOf)
    {
        var (c, notices) = Cases.Read(Ros1G2032RAfterCrizotinib("\"region\": \"US\""));
        return engine.Evaluate(c, asOf, notices);
    }

    // Everything SYS-DATE-001 left out (resistance findings and trial figures are traced by their own stages).
    private static string LeftOut(Result r) => string.Join(" | ", r.Trace.Where(t => t.Rule == "SYS-DATE-001").Select(t => t.Detail));

    [Fact]
    public void A_finding_whose_only_source_is_dated_to_the_year_is_not_applied_before_that_year_is_over()
    {
        var engine = ArrosDated("2025");

        var during = LeftOut(G2032RAfterCrizotinib(engine, new DateOnly(2025, 6, 1)));
        var after = LeftOut(G2032RAfterCrizotinib(engine, new DateOnly(2026, 1, 1)));

        Assert.Contains("zidesamtinib against G2032R (first published in 2025)", during, StringComparison.Ordinal);
        Assert.DoesNotContain("zidesamtinib", after, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_whose_only_source_is_dated_to_the_month_is_applied_from_the_next_month()
    {
        var engine = ArrosDated("2025-09");

        var inside = LeftOut(G2032RAfterCrizotinib(engine, new DateOnly(2025, 9, 30)));
        var next = LeftOut(G2032RAfterCrizotinib(engine, new DateOnly(2025, 10, 1)));

        Assert.Contains("zidesamtinib against G2032R (first published 2025-09)", inside, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-09-01", inside, StringComparison.Ordinal);
        Assert.DoesNotContain("zidesamtinib", next, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_whose_source_is_dated_to_the_day_is_applied_from_that_day()
    {
        var engine = ArrosDated("2025-09-07");

        Assert.Contains("zidesamtinib against G2032R (first published 2025-09-07)", LeftOut(G2032RAfterCrizotinib(engine, new DateOnly(2025, 9, 6))), StringComparison.Ordinal);
        Assert.DoesNotContain("zidesamtinib", LeftOut(G2032RAfterCrizotinib(engine, new DateOnly(2025, 9, 7))), StringComparison.Ordinal);
    }

    [Fact]
    public void Immunotherapy_is_not_avoided_before_any_source_on_it_in_fusion_driven_NSCLC_was_published()
    {
        // A 2013 case (crizotinib era): checkpoint inhibitors in ALK disease had no published evidence yet (Gainor 2016).
        var before = Cases.Evaluate(asOf: new DateOnly(2013, 6, 1));
        var after = Cases.Evaluate(asOf: new DateOnly(2017, 1, 1));

        Assert.DoesNotContain("immunotherapy-monotherapy", before.Avoid());
        Assert.Contains(before.Trace, t => t.Rule == "SYS-DATE-001" && t.Detail.Contains("avoiding immunotherapy monotherapy", StringComparison.Ordinal));
        var row = Assert.Single(after.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy);
        // The row cites what was published by then: Gainor 2016, not the 2021 review.
        Assert.Contains("gainor-2016-pd1-egfr-alk", row.References!);
        Assert.DoesNotContain("seegobin-2021-ici-drivers", row.References!);
    }
}
