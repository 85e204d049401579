using System.Globalization;
using System.Text.Json.Nodes;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>The testing guideline: FISH and IHC scoring, screens, plasma, NGS, concurrent drivers and what to test next.</summary>
public class DiagnosisTests
{
    private static string Fish(string gene, double percent, int cells) => string.Create(CultureInfo.InvariantCulture,
        $$"""{ "tests": [ { "gene": "{{gene}}", "method": "fish", "sample": "tissue", "percentRearrangedCells": {{percent}}, "cellsScored": {{cells}} } ] }""");

    [Theory]
    [InlineData("ALK", 9.9, 50, "negative")]
    [InlineData("ALK", 10, 50, "equivocal")]
    [InlineData("ALK", 50, 50, "equivocal")]
    [InlineData("ALK", 50.1, 50, "positive")]
    [InlineData("ALK", 14.9, 100, "negative")]
    [InlineData("ALK", 15, 100, "positive")]
    [InlineData("ALK", 6, 100, "negative")]
    [InlineData("ROS1", 9.9, 50, "negative")]
    [InlineData("ROS1", 10, 50, "equivocal")]
    [InlineData("ROS1", 50, 50, "equivocal")]
    [InlineData("ROS1", 50.1, 50, "positive")]
    [InlineData("ROS1", 14.9, 100, "negative")]
    [InlineData("ROS1", 15, 100, "positive")]
    [InlineData("ROS1", 6, 100, "negative")]
    public void Fish_percent_and_cells_give_the_guideline_status(string gene, double percent, int cells, string status)
    {
        var r = Cases.Evaluate(Fish(gene, percent, cells));

        Assert.Equal(status, r.Gene(gene));
        Assert.Contains(RuleIds.FishRule, r.Rules());
        Assert.Equal(status == "positive" ? gene : "indeterminate", r.Driver());
    }

    [Theory]
    [InlineData("ALK", 20, 50)]
    [InlineData("ALK", 5, 49)]
    [InlineData("ALK", 60, 49)]
    [InlineData("ALK", 0, 0)]
    [InlineData("ROS1", 5, 49)]
    [InlineData("ROS1", 0, 0)]
    public void Fish_on_too_few_cells_is_inadequate_not_negative(string gene, double percent, int cells)
    {
        var r = Cases.Evaluate(Fish(gene, percent, cells));

        if (cells < 50)
        {
            Assert.NotEqual("negative", r.Gene(gene));
            Assert.NotEqual("positive", r.Gene(gene));
            Assert.Contains("inadequate-sample", r.WarningCodes());
            Assert.Contains(RuleIds.FishInadequate, r.Rules());
            Assert.Contains($"{gene} ngs-rna", r.NextTests());
        }
        else
        {
            Assert.Equal("equivocal", r.Gene(gene));
            Assert.Contains($"{gene} fish", r.NextTests());
        }
    }

    [Theory]
    [InlineData("2025-05-01", true)]
    [InlineData("2024-04", true)]
    [InlineData("2024-03", false)] // read at its first day: March 2024 is not after 15 March 2024
    [InlineData("2024", false)]
    public void A_test_dated_after_the_evaluation_date_is_said_and_still_read(string date, bool flagged)
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive", "date": "{{date}}" } ] }""", new DateOnly(2024, 3, 15));

        Assert.Equal(flagged, r.Diagnosis.Warnings.Any(w => w.Code == "test-after-evaluation-date"));
        Assert.Equal(flagged, r.Trace.Any(t => t.Rule == "DX-DATE-001" && t.Detail.Contains($"dated {date}", StringComparison.Ordinal)));
        // The result is read either way: the case holds it, and dropping it would be a silent guess.
        Assert.Equal(FusionGuide.Domain.Driver.Alk, r.Diagnosis.Driver);
    }

    [Theory]
    [InlineData(""", "timing": "progression" """, false)]
    [InlineData("", true)]
    [InlineData(""", "timing": "diagnosis" """, true)]
    public void Resistance_mutations_on_a_test_not_at_progression_are_said_not_to_shape_the_options(string timing, bool said)
    {
        var r = Cases.Evaluate($$"""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                         { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "result": "positive", "mutations": ["L1198F", "C1156Y"] {{timing}} } ],
              "history": [ { "therapy": "alectinib", "start": "2021-01", "end": "2022-12", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "lorlatinib", "start": "2023-01", "end": "2025-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        var warning = r.Diagnosis.Warnings.SingleOrDefault(w => w.Code == "findings-not-at-progression");
        Assert.Equal(said, warning is not null);
        if (said)
        {
            Assert.Contains("L1198F, C1156Y", warning!.Message, StringComparison.Ordinal);
            Assert.Contains("set the test's timing to progression", warning.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_driver_mutation_at_diagnosis_is_not_taken_for_a_resistance_finding()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "EGFR", "method": "ngs-dna", "sample": "tissue", "result": "positive", "mutations": ["L858R"] } ] }""");

        Assert.DoesNotContain(r.Diagnosis.Warnings, w => w.Code == "findings-not-at-progression");
    }

    [Fact]
    public void Alk_d5f3_positive_is_positive_without_a_fish_next_test()
    {
        var r = Cases.Evaluate();

        Assert.Equal("positive", r.Gene("ALK"));
        Assert.Equal("ALK", r.Driver());
        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Method == Domain.TestMethod.Fish);
        Assert.Contains(RuleIds.IhcAlk, r.Rules());
    }

    [Theory]
    [InlineData(3, "positive")]
    [InlineData(2, "equivocal")]
    [InlineData(1, "equivocal")]
    [InlineData(0, "negative")]
    public void Alk_ihc_intensity_gives_the_status(int intensity, string status)
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "intensity": {{intensity}} } ] }""");

        Assert.Equal(status, r.Gene("ALK"));
        if (status == "equivocal")
        {
            Assert.Contains(RuleIds.IhcAlkWeak, r.Rules());
            Assert.True(r.NextTests().Contains("ALK fish") || r.NextTests().Contains("ALK ngs-rna"));
        }
    }

    [Fact]
    public void Alk_ihc_equivocal_asks_for_fish_or_ngs()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "equivocal" } ] }""");

        Assert.Equal("equivocal", r.Gene("ALK"));
        Assert.Equal("indeterminate", r.Driver());
        Assert.Contains("ALK fish", r.NextTests());
        Assert.Contains("ALK ngs-rna", r.NextTests());
        Assert.Equal("diagnostic-workup", r.Setting());
        Assert.Empty(r.SystemicTherapy.Options);
    }

    [Fact]
    public void Alk_ihc_reported_positive_with_weak_intensity_is_equivocal_with_warning()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive", "intensity": 1 } ] }""");

        Assert.Equal("equivocal", r.Gene("ALK"));
        Assert.Contains("weak-staining", r.WarningCodes());
    }

    [Theory]
    [InlineData("5A4")]
    [InlineData("D5F3")]
    public void Alk_ihc_clones_for_alk_are_accepted(string clone)
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "{{clone}}", "sample": "tissue", "result": "positive" } ] }""");

        Assert.Equal("positive", r.Gene("ALK"));
        Assert.Equal("ALK", r.Driver());
        Assert.DoesNotContain("clone-mismatch", r.WarningCodes());
    }

    [Fact]
    public void Alk_ihc_with_a_pd_l1_clone_is_a_clone_mismatch_and_not_used()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "22C3", "sample": "tissue", "result": "positive" } ] }""");

        Assert.Contains("clone-mismatch", r.WarningCodes());
        Assert.Contains(RuleIds.IhcCloneMismatch, r.Rules());
        Assert.NotEqual("positive", r.Gene("ALK"));
        Assert.NotEqual("ALK", r.Driver());
    }

    [Fact]
    public void Ros1_ihc_positive_is_an_unconfirmed_screen()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ROS1", "method": "ihc", "clone": "D4D6", "sample": "tissue", "result": "positive" } ] }""");

        Assert.Contains("unconfirmed-screen", r.WarningCodes());
        Assert.NotEqual("positive", r.Gene("ROS1"));
        Assert.NotEqual("ROS1", r.Driver());
        Assert.Contains("ROS1 ngs-rna", r.NextTests());
        Assert.Contains("ROS1 fish", r.NextTests());
        Assert.Empty(r.SystemicTherapy.Options);
    }

    [Fact]
    public void Ros1_ihc_positive_with_fish_negative_is_discordant_and_rna_ngs_decides()
    {
        var r = Cases.Evaluate("""
            { "tests": [
              { "gene": "ROS1", "method": "ihc", "clone": "D4D6", "sample": "tissue", "result": "positive" },
              { "gene": "ROS1", "method": "fish", "sample": "tissue", "percentRearrangedCells": 2, "cellsScored": 100 } ] }
            """);

        Assert.Contains("discordant-results", r.WarningCodes());
        Assert.NotEqual("positive", r.Gene("ROS1"));
        Assert.Contains("ROS1 ngs-rna", r.NextTests());
        Assert.Contains(RuleIds.Ros1FishMissesPartners, r.Rules());
    }

    [Fact]
    public void Ros1_ihc_positive_with_tissue_rna_ngs_negative_is_negative()
    {
        var r = Cases.Evaluate("""
            { "tests": [
              { "gene": "ROS1", "method": "ihc", "clone": "D4D6", "sample": "tissue", "result": "positive" },
              { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "negative" } ] }
            """);

        Assert.Equal("negative", r.Gene("ROS1"));
        Assert.DoesNotContain("ROS1 ngs-rna", r.NextTests());
    }

    [Fact]
    public void Plasma_negative_only_warns_and_asks_for_tissue()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "result": "negative" } ] }""");

        Assert.Contains("plasma-negative", r.WarningCodes());
        Assert.NotEqual("negative", r.Gene("ALK"));
        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Sample == Domain.Sample.Tissue);
        Assert.Equal("indeterminate", r.Driver());
    }

    [Fact]
    public void Plasma_positive_is_an_actionable_driver()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "result": "positive", "fusionPartner": "EML4" } ] }""");

        Assert.Equal("positive", r.Gene("ALK"));
        Assert.Equal("ALK", r.Driver());
        Assert.Equal("first-line", r.Setting());
        Assert.NotEmpty(r.SystemicTherapy.Options);
    }

    [Fact]
    public void Dna_ngs_negative_for_fusions_asks_for_rna_ngs()
    {
        var r = Cases.Evaluate("""
            { "tests": [
              { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "negative" },
              { "gene": "ROS1", "method": "ngs-dna", "sample": "tissue", "result": "negative" } ] }
            """);

        Assert.Equal("indeterminate", r.Driver());
        Assert.Contains("ALK ngs-rna", r.NextTests());
        Assert.Contains("ROS1 ngs-rna", r.NextTests());
    }

    [Fact]
    public void Failed_test_warns_and_asks_for_a_repeat()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "fish", "sample": "tissue", "result": "failed" } ] }""");

        Assert.Contains("test-failed", r.WarningCodes());
        Assert.Contains(RuleIds.FailedTest, r.Rules());
        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "ALK");
        Assert.Equal("indeterminate", r.Driver());
    }

    [Theory]
    [InlineData("""{ "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive" }""")]
    [InlineData("""{ "gene": "EGFR", "method": "ngs-dna", "sample": "tissue", "result": "positive" }""")]
    public void Two_positive_drivers_are_concurrent_and_leave_the_driver_indeterminate(string second)
    {
        var r = Cases.Evaluate($$"""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }, {{second}} ] }
            """);

        Assert.Contains("concurrent-drivers", r.WarningCodes());
        Assert.Contains(RuleIds.ConcurrentDrivers, r.Rules());
        Assert.Equal("indeterminate", r.Driver());
        Assert.Contains("ALK ngs-rna", r.NextTests());
        Assert.Empty(r.SystemicTherapy.Options);
    }

    [Fact]
    public void A_concurrent_mutation_driver_is_confirmed_on_tissue_dna_not_as_a_fusion()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "EML4" },
                         { "gene": "KRAS", "method": "ngs-dna", "sample": "plasma", "result": "positive", "mutations": ["G12C"] } ] }
            """);

        var kras = Assert.Single(r.Diagnosis.NextTests, n => n.Gene == "KRAS");
        Assert.Equal(FusionGuide.Domain.TestMethod.NgsDna, kras.Method);
        Assert.Contains("mutation", kras.Reason);
        Assert.DoesNotContain("fusion", kras.Reason);
        Assert.DoesNotContain("ALK ngs-rna", r.NextTests()); // ALK is already confirmed on tissue RNA NGS: not asked again
        Assert.Contains(r.Diagnosis.Warnings, w => w.Code == "concurrent-drivers" && w.Message.Contains("DNA for a mutation"));
    }

    [Fact]
    public void Egfr_driver_is_other_and_outside_scope()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "EGFR", "method": "ngs-dna", "sample": "tissue", "result": "positive" } ] }""");

        Assert.Equal("other", r.Driver());
        Assert.Equal("non-targeted", r.Setting());
        Assert.Contains("outside-scope", r.WarningCodes());
        Assert.Empty(r.SystemicTherapy.Options);
    }

    /// <summary>A negative tissue test; an IHC names a validated antibody (a negative stain without one does not exclude).</summary>
    private static JsonObject NegativeOn(string gene, string method)
    {
        var t = new JsonObject { ["gene"] = gene, ["method"] = method, ["sample"] = "tissue", ["result"] = "negative" };
        if (method == "ihc")
        {
            t["clone"] = gene == "ROS1" ? "D4D6" : "D5F3";
        }

        return t;
    }

    [Fact]
    public void Every_panel_gene_adequately_negative_means_no_driver()
    {
        var tests = new JsonArray();
        foreach (var panel in Kb.Folder(Path.Combine("diagnostics", "panel")))
        {
            var method = Kb.Strings(panel["adequateNegativeMethods"]).First(m => m != "fish");
            tests.Add(NegativeOn(panel["gene"]!.GetValue<string>(), method));
        }

        var r = Cases.Evaluate(new JsonObject { ["tests"] = tests }.ToJsonString());

        Assert.Equal("none", r.Driver());
        Assert.Equal("non-targeted", r.Setting());
        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Gene is "ALK" or "ROS1");
    }

    [Fact]
    public void One_panel_gene_left_untested_keeps_the_driver_indeterminate()
    {
        var tests = new JsonArray();
        foreach (var panel in Kb.Folder(Path.Combine("diagnostics", "panel")).Where(p => p["gene"]!.GetValue<string>() != "RET"))
        {
            var method = Kb.Strings(panel["adequateNegativeMethods"]).First(m => m != "fish");
            tests.Add(NegativeOn(panel["gene"]!.GetValue<string>(), method));
        }

        var r = Cases.Evaluate(new JsonObject { ["tests"] = tests }.ToJsonString());

        Assert.Equal("indeterminate", r.Driver());
        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "RET");
    }

    [Fact]
    public void Fusion_partner_and_eml4_alk_variant_are_carried()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "EML4", "variant": "v3a" } ] }""");

        Assert.Equal("EML4", r.Diagnosis.FusionPartner);
        Assert.Equal("v3a", r.Diagnosis.FusionVariant);
        Assert.Contains(RuleIds.FusionPartner, r.Rules());
    }

    [Fact]
    public void Squamous_histology_still_gets_alk_and_ros1_next_tests()
    {
        var r = Cases.Evaluate("""{ "tumor": { "histology": "squamous" }, "tests": [ { "gene": "PD-L1", "method": "ihc", "clone": "22C3", "sample": "tissue", "tps": 5 } ] }""");

        Assert.Equal("indeterminate", r.Driver());
        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "ALK");
        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "ROS1");
    }

    [Fact]
    public void No_tests_at_all_is_indeterminate_with_alk_and_ros1_next_tests()
    {
        var r = Cases.Evaluate("""{ "tests": [] }""");

        Assert.Equal("indeterminate", r.Driver());
        Assert.Equal("not-tested", r.Gene("ALK"));
        Assert.Equal("not-tested", r.Gene("ROS1"));
        Assert.Contains("ALK ngs-rna", r.NextTests());
        Assert.Contains("ROS1 ngs-rna", r.NextTests());
        Assert.Equal("diagnostic-workup", r.Setting());
        Assert.Empty(r.SystemicTherapy.Options);
    }

    [Theory]
    [InlineData("""{ "gene": "EGFR", "method": "ngs-dna", "sample": "plasma", "result": "negative" }""", "EGFR")]
    [InlineData("""{ "gene": "KRAS", "method": "ngs-dna", "sample": "tissue", "result": "equivocal" }""", "KRAS")]
    [InlineData("""{ "gene": "EGFR", "method": "ngs-dna", "sample": "plasma", "result": "failed" }""", "EGFR")]
    public void An_unsettled_mutation_driver_is_settled_on_tissue_dna_ngs_not_rna_or_ihc(string test, string gene)
    {
        var r = Cases.Evaluate($$"""
            { "tests": [ {{test}},
                         { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "negative" },
                         { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "negative" } ] }
            """);

        var next = Assert.Single(r.Diagnosis.NextTests, n => n.Gene == gene);
        Assert.Equal(FusionGuide.Domain.TestMethod.NgsDna, next.Method);
        Assert.Equal(FusionGuide.Domain.Sample.Tissue, next.Sample);
        Assert.DoesNotContain("RNA", next.Reason);
        Assert.DoesNotContain("IHC", next.Reason);
    }

    [Fact]
    public void Discordant_mutation_driver_is_resolved_on_tissue_dna_ngs()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "EGFR", "method": "ngs-dna", "sample": "plasma", "result": "positive", "mutations": ["L858R"] },
                         { "gene": "EGFR", "method": "ngs-dna", "sample": "tissue", "result": "negative" } ] }
            """);

        Assert.Contains(r.Diagnosis.Warnings, w => w.Code == "discordant-results" && w.Message.Contains("tissue DNA NGS"));
    }

    [Fact]
    public void Alk_ihc_positive_with_fish_negative_asks_for_tissue_rna_ngs_as_a_next_test()
    {
        // Found by probing: the warning said to resolve the disagreement on tissue RNA NGS, but nextTests stayed empty
        // because the positive result makes ALK the driver, and next tests were listed only for an undetermined driver.
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                         { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": 5, "cellsScored": 100 } ] }
            """);

        Assert.Equal("ALK", r.Driver());
        Assert.Contains("ALK ngs-rna", r.NextTests());
        Assert.Contains(r.Diagnosis.Warnings, w => w.Code == "discordant-results" && w.Message.Contains("resolve the disagreement on tissue RNA NGS"));
    }

    [Fact]
    public void Discordance_that_already_includes_tissue_rna_ngs_does_not_ask_for_it_again()
    {
        // A negative tissue RNA NGS beside a positive FISH: RNA NGS is not asked for a second time; the warning says
        // whose result it is and sends the question to the laboratory and the molecular tumour board.
        var negativeRna = Cases.Evaluate("""
            { "tests": [ { "gene": "ROS1", "method": "fish", "sample": "tissue", "percentRearrangedCells": 30, "cellsScored": 100 },
                         { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "negative" } ] }
            """);
        Assert.Equal("ROS1", negativeRna.Driver());
        Assert.DoesNotContain("ROS1 ngs-rna", negativeRna.NextTests());
        var warning = Assert.Single(negativeRna.Diagnosis.Warnings, w => w.Code == "discordant-results");
        Assert.DoesNotContain("resolve the disagreement on tissue RNA NGS", warning.Message);
        Assert.Contains("molecular tumour board", warning.Message);

        // A positive tissue RNA NGS beside a negative FISH settles the gene.
        var positiveRna = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "EML4" },
                         { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": 3, "cellsScored": 100 } ] }
            """);
        Assert.Empty(positiveRna.Diagnosis.NextTests);
        Assert.Contains(positiveRna.Diagnosis.Warnings, w => w.Code == "discordant-results" && w.Message.Contains("the method that settles this gene"));
    }

    [Fact]
    public void Alk_on_dna_ngs_only_with_an_uncommon_partner_asks_for_rna_or_ihc_confirmation()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "PLEKHA7" } ] }""");

        // The driver stands (most such fusions are expressed) and the TKIs are still listed; the warning says on what they rest.
        Assert.Equal("ALK", r.Driver());
        Assert.NotEmpty(r.SystemicTherapy.Options);
        Assert.Contains("uncommon-fusion-partner", r.WarningCodes());
        Assert.Contains(r.Diagnosis.Warnings, w => w.Message.Contains("PLEKHA7") && w.Message.Contains("EML4"));
        Assert.Contains("ALK ngs-rna", r.NextTests());
        Assert.Contains("ALK ihc", r.NextTests());
        Assert.Contains(RuleIds.UncommonPartner, r.Rules());
    }

    [Fact]
    public void Ros1_on_dna_ngs_only_with_no_partner_reported_asks_for_rna_confirmation()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ROS1", "method": "ngs-dna", "sample": "tissue", "result": "positive" } ] }""");

        Assert.Equal("ROS1", r.Driver());
        Assert.NotEmpty(r.SystemicTherapy.Options);
        Assert.Contains(r.Diagnosis.Warnings, w => w.Code == "uncommon-fusion-partner" && w.Message.Contains("no fusion partner is reported"));
        Assert.Contains("ROS1 ngs-rna", r.NextTests());
        Assert.Contains(RuleIds.UncommonPartner, r.Rules());
    }

    [Fact]
    public void No_partner_reported_is_not_questioned_when_rna_ngs_also_found_the_fusion()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ROS1", "method": "ngs-dna", "sample": "tissue", "result": "positive" }, { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive" } ] }""");

        Assert.DoesNotContain("uncommon-fusion-partner", r.WarningCodes());
    }

    [Fact]
    public void Uncommon_partner_after_a_tki_says_a_response_already_shows_expression()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "PLEKHA7" } ],
              "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        var w = Assert.Single(r.Diagnosis.Warnings, w => w.Code == "uncommon-fusion-partner");
        Assert.Contains("A response to alectinib already shows the fusion is expressed", w.Message);
        Assert.DoesNotContain("assume", w.Message);
    }

    [Fact]
    public void Ros1_on_plasma_dna_ngs_with_a_non_canonical_partner_asks_for_tissue_rna_ngs()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ROS1", "method": "ngs-dna", "sample": "plasma", "result": "positive", "fusionPartner": "GOPC" } ] }""");

        Assert.Equal("ROS1", r.Driver());
        Assert.Contains("uncommon-fusion-partner", r.WarningCodes());
        Assert.Contains("ROS1 ngs-rna", r.NextTests());
        Assert.DoesNotContain("ROS1 ihc", r.NextTests());
    }

    [Theory]
    [InlineData("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "EML4" } ] }""")]
    [InlineData("""{ "tests": [ { "gene": "ROS1", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "CD74" } ] }""")]
    [InlineData("""{ "tests": [ { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "KIF5B" } ] }""")]
    [InlineData("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "PLEKHA7" }, { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" } ] }""")]
    [InlineData("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "PLEKHA7" }, { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "positive" } ] }""")]
    public void Canonical_partner_or_a_fusion_shown_at_rna_or_protein_level_needs_no_confirmation(string overrides)
    {
        var r = Cases.Evaluate(overrides);

        Assert.DoesNotContain("uncommon-fusion-partner", r.WarningCodes());
        Assert.DoesNotContain(RuleIds.UncommonPartner, r.Rules());
    }

    [Fact]
    public void Uncommon_partner_caution_is_not_applied_before_its_source_was_published()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "PLEKHA7" } ] }""", new DateOnly(2019, 1, 1));

        Assert.DoesNotContain("uncommon-fusion-partner", r.WarningCodes());
        Assert.Contains(r.Trace, t => t.Rule == "SYS-DATE-001" && t.Detail.Contains("uncommon DNA-level ALK partner"));
    }

    [Theory]
    [InlineData("ALK", "positive", 22, "positive")]
    [InlineData("ALK", "negative", 4, "negative")]
    [InlineData("ROS1", "positive", 35, "positive")]
    public void Fish_percentage_without_the_nuclei_count_uses_the_laboratory_call_it_agrees_with(string gene, string reported, double percent, string status)
    {
        // Laboratory feeds often carry the percentage and the call but not the count: the call is used, and said.
        var r = Cases.Evaluate(string.Create(CultureInfo.InvariantCulture,
            $$"""{ "tests": [ { "gene": "{{gene}}", "method": "fish", "sample": "tissue", "result": "{{reported}}", "percentRearrangedCells": {{percent}} } ] }"""));

        Assert.Equal(status, r.Gene(gene));
        Assert.Contains("fish-nuclei-not-stated", r.WarningCodes());
        Assert.DoesNotContain("inadequate-sample", r.WarningCodes());
        Assert.Contains(RuleIds.FishNucleiNotStated, r.Rules());
    }

    [Theory]
    [InlineData(""", "result": "negative", "percentRearrangedCells": 22""")]
    [InlineData(""", "percentRearrangedCells": 22""")]
    public void Fish_percentage_without_the_nuclei_count_and_without_an_agreeing_call_is_not_read(string fields)
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "ALK", "method": "fish", "sample": "tissue"{{fields}} } ] }""");

        Assert.Equal("equivocal", r.Gene("ALK"));
        Assert.Contains("fish-nuclei-not-stated", r.WarningCodes());
        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Reason.Contains("did not state how many nuclei", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_IHC_beside_a_positive_FISH_without_its_count_is_discordant_not_negative()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "negative" },
                         { "gene": "ALK", "method": "fish", "sample": "tissue", "result": "positive", "percentRearrangedCells": 22 } ] }
            """);

        Assert.Equal("positive", r.Gene("ALK"));
        Assert.Contains("discordant-results", r.WarningCodes());
        Assert.Contains("ALK ngs-rna", r.NextTests());
    }

    // Deliberate change (session 19): the scoring rule's call used to replace the laboratory's; a report that
    // contradicts its own counts is now followed in neither direction and settled by an orthogonal method.
    [Theory]
    [InlineData(12, "positive")]
    [InlineData(40, "negative")]
    public void Fish_call_the_lab_reported_differently_from_its_counts_is_not_followed_either_way(int percent, string reported)
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": {{percent}}, "cellsScored": 100, "result": "{{reported}}" } ] }""");

        Assert.Equal("equivocal", r.Gene("ALK"));
        Assert.Equal("indeterminate", r.Driver());
        Assert.Contains("fish-result-recomputed", r.WarningCodes());
        Assert.Contains("ALK ihc", r.NextTests());
        Assert.Contains("ALK ngs-rna", r.NextTests());
    }

    private const string RestOfPanelNegative = """
        { "gene": "EGFR", "method": "ngs-dna", "sample": "tissue", "result": "negative" },
        { "gene": "KRAS", "method": "ngs-dna", "sample": "tissue", "result": "negative" },
        { "gene": "BRAF", "method": "ngs-dna", "sample": "tissue", "result": "negative" },
        { "gene": "MET", "method": "ngs-dna", "sample": "tissue", "result": "negative" },
        { "gene": "ERBB2", "method": "ngs-dna", "sample": "tissue", "result": "negative" },
        { "gene": "RET", "method": "ngs-rna", "sample": "tissue", "result": "negative" },
        { "gene": "NTRK1", "method": "ngs-rna", "sample": "tissue", "result": "negative" },
        { "gene": "NTRK2", "method": "ngs-rna", "sample": "tissue", "result": "negative" },
        { "gene": "NTRK3", "method": "ngs-rna", "sample": "tissue", "result": "negative" }
        """;

    [Theory]
    [InlineData("""{ "gene": "ALK", "method": "ihc", "clone": "D4D6", "sample": "tissue", "result": "negative" }, { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "negative" }""", "ALK")]
    [InlineData("""{ "gene": "ALK", "method": "ihc", "clone": "other", "sample": "tissue", "result": "negative" }, { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "negative" }""", "ALK")]
    [InlineData("""{ "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "negative" }, { "gene": "ROS1", "method": "ihc", "clone": "D4D6", "sample": "tissue", "result": "positive" }, { "gene": "ROS1", "method": "fish", "sample": "tissue", "percentRearrangedCells": 4, "cellsScored": 100 }""", "ROS1")]
    public void A_test_not_used_to_call_the_gene_does_not_exclude_it_when_the_rest_of_the_panel_is_negative(string kinaseTests, string gene)
    {
        // The driver was "none" (non-targeted pathway, no ALK/ROS1 test ordered) because a raw "negative" of a wrong or
        // unvalidated antibody, or a negative FISH beside a positive ROS1 screen, counted as an adequate exclusion.
        var r = Cases.Evaluate($$"""{ "tests": [ {{kinaseTests}}, {{RestOfPanelNegative}} ] }""");

        Assert.Equal("indeterminate", r.Driver());
        Assert.Equal(Domain.Setting.DiagnosticWorkup, r.SystemicTherapy.Setting);
        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == gene);
    }

    [Fact]
    public void A_validated_negative_ALK_IHC_with_the_rest_of_the_panel_negative_still_finds_no_driver()
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "negative" }, { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "negative" }, {{RestOfPanelNegative}} ] }""");

        Assert.Equal("none", r.Driver());
    }

    [Theory]
    [InlineData("F1174L")]
    [InlineData("R1275Q")]
    public void A_positive_ALK_DNA_report_with_only_a_kinase_mutation_is_not_called_a_rearrangement(string mutation)
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "mutations": ["{{mutation}}"] } ] }""");

        Assert.Equal("equivocal", r.Gene("ALK"));
        Assert.Empty(r.SystemicTherapy.Options);
        Assert.Contains("kinase-finding-not-fusion", r.WarningCodes());
        Assert.Contains("ALK ngs-rna", r.NextTests());
    }

    [Fact]
    public void A_kinase_mutation_on_an_untimed_test_after_an_ALK_TKI_still_reads_the_fusion()
    {
        // After alectinib the fusion was established before; an untimed test with G1202R is a progression sample
        // (DX-TIMING-001 says so), not a point mutation in a fusion-negative tumour.
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "mutations": ["G1202R"] } ], "history": [ { "therapy": "alectinib", "start": "2023-01", "end": "2025-06", "stopReason": "progression" } ] }""");

        Assert.Equal("positive", r.Gene("ALK"));
        Assert.DoesNotContain("kinase-finding-not-fusion", r.WarningCodes());
    }

    [Theory]
    [InlineData("ALK", "INTERGENIC", """{ "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "negative" }""", "ALK ihc")]
    [InlineData("ALK", "KIF5B", """{ "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "negative" }""", "ALK ngs-rna")]
    [InlineData("ROS1", "TMEM106B", """{ "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "negative" }""", "ROS1 ihc")]
    public void A_DNA_only_uncommon_fusion_whose_expression_test_is_negative_is_not_followed_as_positive(string gene, string partner, string expression, string next)
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "{{gene}}", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "{{partner}}" }, {{expression}} ] }""");

        Assert.Equal("equivocal", r.Gene(gene));
        Assert.Empty(r.SystemicTherapy.Options);
        Assert.Contains(r.Diagnosis.Warnings!, w => w.Code == "discordant-results" && w.Message.Contains("may make no fusion transcript or protein", StringComparison.Ordinal));
        Assert.Contains(next, r.NextTests());
    }

    [Fact]
    public void A_DNA_only_uncommon_fusion_with_a_negative_RNA_test_on_a_patient_taking_alectinib_is_still_followed()
    {
        // On alectinib since 2022 without progression: the response shows the fusion is expressed (probe S19G, d41: the
        // gene was reopened and the continuation lost).
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "PLEKHA7" }, { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "negative" } ],
              "history": [ { "therapy": "alectinib", "start": "2022-02", "stopReason": "ongoing" } ] }
            """);

        Assert.Equal("positive", r.Gene("ALK"));
        Assert.Equal("alectinib", r.First());
    }

    [Fact]
    public void An_ALK_IHC_reported_positive_with_no_stained_cells_is_not_used()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive", "percentStainedCells": 0 } ] }""");

        Assert.Equal("equivocal", r.Gene("ALK"));
        Assert.Contains("ihc-contradicts", r.WarningCodes());
    }

    [Fact]
    public void A_faint_ALK_IHC_reported_negative_is_the_laboratorys_call()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "negative", "intensity": 1 } ] }""");

        Assert.Equal("negative", r.Gene("ALK"));
    }

    [Fact]
    public void A_DNA_only_canonical_fusion_with_a_negative_RNA_test_is_still_followed()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "result": "positive", "fusionPartner": "EML4" }, { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "negative" } ] }""");

        Assert.Equal("positive", r.Gene("ALK"));
    }

    [Theory]
    [InlineData("ALK", "D5F3", "negative", 3)]
    [InlineData("ALK", "D5F3", "positive", 0)]
    [InlineData("ROS1", "D4D6", "negative", 3)]
    [InlineData("ALK", "D5F3", "negative", 2)]
    public void An_IHC_report_whose_result_contradicts_its_intensity_is_not_used(string gene, string clone, string result, int intensity)
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "{{gene}}", "method": "ihc", "clone": "{{clone}}", "sample": "tissue", "result": "{{result}}", "intensity": {{intensity}}, "percentStainedCells": 70 } ] }""");

        Assert.Equal("equivocal", r.Gene(gene));
        Assert.Contains("ihc-contradicts", r.WarningCodes());
        Assert.Contains($"{gene} ngs-rna", r.NextTests());
    }

    [Theory]
    [InlineData("ALK", "F1174L")]
    [InlineData("ROS1", "G2032R")]
    public void A_kinase_mutation_without_a_fusion_or_result_does_not_make_the_gene_positive(string gene, string mutation)
    {
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "{{gene}}", "method": "ngs-dna", "sample": "tissue", "mutations": ["{{mutation}}"] } ] }""");

        Assert.NotEqual("positive", r.Gene(gene));
        Assert.Equal(Domain.Setting.DiagnosticWorkup, r.SystemicTherapy.Setting);
        Assert.Empty(r.SystemicTherapy.Options);
        Assert.Contains(r.Diagnosis.Warnings!, w => w.Code == "no-result" && w.Message.Contains($"a kinase mutation of {gene} alone does not establish a rearrangement", StringComparison.Ordinal));
    }

    [Fact]
    public void An_EGFR_mutation_reported_without_a_result_is_still_a_finding()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "EGFR", "method": "ngs-dna", "sample": "tissue", "mutations": ["L858R"] } ] }""");

        Assert.Equal("positive", r.Gene("EGFR"));
    }

    [Fact]
    public void Two_drivers_each_confirmed_on_their_settling_tissue_test_are_not_sent_to_those_tests_again()
    {
        // The next tests asked for the tissue RNA and DNA NGS already in the case, so the case could never leave the work-up.
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "EML4" }, { "gene": "EGFR", "method": "ngs-dna", "sample": "tissue", "result": "positive", "mutations": ["L858R"] } ] }""");

        Assert.Equal("indeterminate", r.Driver());
        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Gene is "ALK" or "EGFR");
        Assert.Contains(r.Diagnosis.Warnings!, w => w.Code == "concurrent-drivers" && w.Message.Contains("molecular tumour board", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_ALK_IHC_that_names_no_antibody_does_not_exclude_ALK_but_a_positive_one_is_followed()
    {
        // A missing clone is "not known": only D5F3 and 5A4 may exclude ALK on IHC alone (an ALK-positive patient was sent
        // to the non-targeted pathway on an unnamed stain).
        var negative = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "sample": "tissue", "result": "negative" } ] }""");
        Assert.Equal("equivocal", negative.Gene("ALK"));
        Assert.Contains(negative.Diagnosis.Warnings!, w => w.Code == "unvalidated-clone" && w.Message.Contains("does not name the antibody", StringComparison.Ordinal));
        Assert.Contains(negative.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Method == Domain.TestMethod.Fish);

        var positive = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "sample": "tissue", "result": "positive" } ] }""");
        Assert.Equal("positive", positive.Gene("ALK"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("other")]
    public void A_negative_ROS1_IHC_excludes_ROS1_only_with_a_validated_screening_antibody(string? clone)
    {
        var clonePart = clone is null ? "" : $", \"clone\": \"{clone}\"";
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "negative" }, { "gene": "ROS1", "method": "ihc"{{clonePart}}, "sample": "tissue", "result": "negative" } ] }""");

        Assert.Equal("equivocal", r.Gene("ROS1"));
        Assert.Contains("unvalidated-clone", r.WarningCodes());
        Assert.Equal("negative", Cases.Evaluate("""{ "tests": [ { "gene": "ROS1", "method": "ihc", "clone": "D4D6", "sample": "tissue", "result": "negative" } ] }""").Gene("ROS1"));
    }

    [Theory]
    [InlineData("positive")]
    [InlineData("negative")]
    public void ALK_IHC_with_another_antibody_neither_establishes_nor_excludes_ALK(string result)
    {
        // DX-IHC-006: only D5F3 and 5A4 are validated to call ALK on IHC alone (ALK1, a lymphoma antibody, misses lung ALK).
        var r = Cases.Evaluate($$"""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "other", "sample": "tissue", "result": "{{result}}" } ] }""");

        Assert.Equal("equivocal", r.Gene("ALK"));
        Assert.Empty(r.SystemicTherapy.Options);
        Assert.Contains("unvalidated-clone", r.WarningCodes());
        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Method == Domain.TestMethod.Fish);
    }

    [Fact]
    public void Test_with_no_result_is_not_used_and_warned()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-rna", "sample": "tissue" } ] }""");

        Assert.Contains("no-result", r.WarningCodes());
        Assert.Equal("indeterminate", r.Driver());
    }

    [Fact]
    public void Progression_without_a_genotype_asks_for_the_resistance_workup()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2025-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }""");

        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Method == Domain.TestMethod.NgsDna && n.Sample == Domain.Sample.Plasma);
        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Method == Domain.TestMethod.Histology);
    }
}
