using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-RES-002 (issue #17, "a less-studied drug must not look better"): a compound mutation judged from its single
/// mutations. A part's resistant or intermediate always carries; "sensitive" stands only when every part rates the drug
/// sensitive. When a part does not rate the drug (no cell, or the part is not in the table) the drug's activity against
/// the compound is unknown, and the result says what is missing. Built on the shipped rows: ROS1 G2032R rates
/// zidesamtinib, F2004C and D2033N do not; both rate repotrectinib and taletrectinib sensitive; F2004C resists
/// cabozantinib; G2032R resists lorlatinib.
/// </summary>
public sealed class CompoundFromPartsTests
{
    private static readonly DateOnly AfterZidesamtinibApproval = new(2026, 12, 6);

    /// <summary>A phased (tissue) ROS1 compound found at progression on the given TKIs, in the US.</summary>
    private static Result Ros1Compound(string[] mutations, params string[] progressedOn)
    {
        var history = string.Join(",", progressedOn.Select((d, i) =>
            $$"""{ "therapy": "{{d}}", "start": "{{2019 + 2 * i}}-01", "end": "{{2020 + 2 * i}}-12", "stopReason": "progression", "progressionPattern": "systemic" }"""));
        var tests = $"[ {Cases.Ros1Tests[1..^1]}, {Cases.ProgressionTest("ROS1", mutations, sample: "tissue")} ]";
        return Cases.Evaluate($$"""{ "tests": {{tests}}, "history": [ {{history}} ], "context": { "region": "US" } }""", AfterZidesamtinibApproval);
    }

    private static string CompoundWarning(Result r) => Assert.Single(r.Warnings, w => w.Code == "compound-estimated").Message;

    [Theory]
    [InlineData("F2004C")]
    [InlineData("D2033N")]
    public void A_drug_one_part_does_not_rate_is_never_judged_sensitive_against_the_compound(string unrated)
    {
        var r = Ros1Compound(["G2032R", unrated], "crizotinib");

        // G2032R alone rates zidesamtinib sensitive; the other part has no zidesamtinib cell.
        Assert.Contains($"Zidesamtinib has no activity record against {unrated}, so its activity against G2032R+{unrated} is unknown.", CompoundWarning(r), StringComparison.Ordinal);
        var options = r.Options().ToList();
        Assert.Contains("zidesamtinib", options);
        var z = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Zidesamtinib);
        Assert.Contains($"zidesamtinib is of unknown activity against it (no activity record against {unrated})", z.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("zidesamtinib is active against", z.Rationale, StringComparison.Ordinal);
        // It ranks after every drug both parts rate sensitive.
        Assert.True(options.IndexOf("zidesamtinib") > options.IndexOf("repotrectinib"), string.Join(", ", options));
        Assert.True(options.IndexOf("zidesamtinib") > options.IndexOf("taletrectinib"), string.Join(", ", options));
    }

    [Fact]
    public void A_part_not_in_the_table_leaves_every_drug_the_other_part_rates_sensitive_unknown()
    {
        // A2030V is not in the table: no drug is known to be active against the compound, only what G2032R resists.
        var r = Ros1Compound(["G2032R", "A2030V"], "crizotinib");

        Assert.Contains("unknown-mutation", r.WarningCodes());
        var warning = CompoundWarning(r);
        foreach (var drug in new[] { "Repotrectinib", "Taletrectinib", "Zidesamtinib" })
        {
            Assert.Contains($"{drug} has no activity record against A2030V, so its activity against G2032R+A2030V is unknown.", warning, StringComparison.Ordinal);
        }

        Assert.All(r.SystemicTherapy.Options.Where(o => o.Rationale.Contains("G2032R+A2030V", StringComparison.Ordinal)),
            o => Assert.DoesNotContain("is active against", o.Rationale, StringComparison.Ordinal));
        Assert.Contains("lorlatinib", r.Avoid());
        Assert.Contains("entrectinib", r.Avoid());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void A_resistant_part_still_rules_the_drug_out_against_the_compound()
    {
        // F2004C resists cabozantinib, G2032R resists lorlatinib: each is avoided whatever the other part says.
        var r = Ros1Compound(["G2032R", "F2004C"], "crizotinib");

        Assert.Contains("cabozantinib", r.Avoid());
        Assert.Contains("lorlatinib", r.Avoid());
        Assert.DoesNotContain("cabozantinib", r.Options());
        Assert.DoesNotContain("lorlatinib", r.Options());
        Assert.Contains(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Cabozantinib && a.Reason.Contains("F2004C", StringComparison.Ordinal));
    }

    [Fact]
    public void A_compound_whose_parts_all_rate_the_drug_sensitive_is_still_sensitive()
    {
        var r = Ros1Compound(["G2032R", "F2004C"], "crizotinib");

        foreach (var therapy in new[] { Therapy.Repotrectinib, Therapy.Taletrectinib })
        {
            var o = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == therapy);
            Assert.Contains("is active against it (judged from its single mutations)", o.Rationale, StringComparison.Ordinal);
        }

        Assert.Contains(r.First(), new[] { "repotrectinib", "taletrectinib" });
        Assert.DoesNotContain("Repotrectinib has no activity record", CompoundWarning(r), StringComparison.Ordinal);
    }

    /// <summary>ALK found on D5F3 IHC; a tissue genotype at progression after alectinib (then lorlatinib, when asked).</summary>
    private static Result AlkAfter(string[] mutations, bool thenLorlatinib)
    {
        var diagnosis = """{ "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }""";
        var lorlatinib = thenLorlatinib ? """, { "therapy": "lorlatinib", "start": "2021-01", "end": "2022-12", "stopReason": "progression", "progressionPattern": "systemic" }""" : "";
        return Cases.Evaluate($$"""
            { "tests": [ {{diagnosis}}, {{Cases.ProgressionTest("ALK", mutations, sample: "tissue")}} ],
              "history": [ { "therapy": "alectinib", "start": "2019-01", "end": "2020-12", "stopReason": "progression", "progressionPattern": "systemic" }{{lorlatinib}} ] }
            """);
    }

    [Fact]
    public void A_compound_row_that_leaves_a_drug_out_does_not_borrow_its_parts_sensitivity()
    {
        // The ALK I1171N+D1203N row rates alectinib and lorlatinib only; the parts rate brigatinib and ceritinib active in
        // the laboratory (D1203N has also emerged on both in patients), which is not carried to the compound; I1171N's
        // crizotinib resistance is.
        var r = AlkAfter(["I1171N", "D1203N"], thenLorlatinib: true);

        Assert.Contains("crizotinib", r.Avoid());
        var trace = string.Join("\n", r.Trace.Where(t => t.Rule == "SYS-RES-002").Select(t => t.Detail));
        Assert.Contains("does not rate ceritinib and brigatinib and no single mutation resists them", trace, StringComparison.Ordinal);
        Assert.Contains("their activity against I1171N+D1203N is unknown", trace, StringComparison.Ordinal);
        // No TKI is left: the move to the conventional pathway names the untested drugs rather than staying silent.
        var noTki = Assert.Single(r.Warnings, w => w.Code == "no-targeted-option").Message;
        Assert.Contains("ceritinib", noTki, StringComparison.Ordinal);
        Assert.Contains("brigatinib", noTki, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compound_part_found_at_progression_on_a_drug_is_no_evidence_of_partial_activity_against_the_compound()
    {
        // D1203N emerged on brigatinib and ceritinib in patients (its cells are capped at intermediate); judged inside a
        // compound, that cap must not make them partly active targeted options: their activity is unknown, named, never
        // offered, and the warning says why.
        var r = AlkAfter(["I1171N", "D1203N"], thenLorlatinib: true);

        Assert.DoesNotContain(r.Options(), o => o is "brigatinib" or "ceritinib");
        Assert.Equal("post-targeted", Codes.Setting.Code(r.SystemicTherapy.Setting));
        var noTki = Assert.Single(r.Warnings, w => w.Code == "no-targeted-option").Message;
        Assert.Contains("D1203N found at progression on brigatinib in patients, though the laboratory rates it sensitive", noTki, StringComparison.Ordinal);

        // Alone after alectinib, the same mutation keeps the single-mutation reading: partly active, with the reason.
        var single = AlkAfter(["D1203N"], thenLorlatinib: false);
        var brigatinib = Assert.Single(single.SystemicTherapy.Options, o => o.Therapy == Therapy.Brigatinib);
        Assert.Contains("emerged at progression on brigatinib in patients, so it counts as intermediate at best", brigatinib.Rationale, StringComparison.Ordinal);
    }
}
