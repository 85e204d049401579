using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>#20 item 6: the resistance work-up asks for DNA NGS (which reads kinase mutations), and CSF when the progression is CNS-only.</summary>
public sealed class ResistanceWorkupTests
{
    private const string Progressed = """{ "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2025-01", "stopReason": "progression", "progressionPattern": "PATTERN" } ] }""";

    [Fact]
    public void Tissue_rebiopsy_at_progression_asks_for_dna_ngs_not_rna_ngs()
    {
        var r = Cases.Evaluate(Progressed.Replace("PATTERN", "systemic"));

        Assert.Contains(r.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Method == TestMethod.NgsDna && n.Sample == Sample.Tissue);
        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Method == TestMethod.NgsRna);
    }

    [Fact]
    public void Cns_only_progression_asks_for_cerebrospinal_fluid()
    {
        var r = Cases.Evaluate(Progressed.Replace("PATTERN", "cns"));

        Assert.Contains(r.Diagnosis.NextTests, n => n.Sample == Sample.Plasma && n.Reason.Contains("cerebrospinal fluid", StringComparison.Ordinal));
    }

    [Fact]
    public void Systemic_progression_does_not_ask_for_cerebrospinal_fluid()
    {
        var r = Cases.Evaluate(Progressed.Replace("PATTERN", "systemic"));

        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Reason.Contains("cerebrospinal fluid", StringComparison.Ordinal));
    }

    [Fact]
    public void No_work_up_while_a_later_therapy_controls_the_disease()
    {
        // Progression on alectinib was answered by lorlatinib, taken now without progression: nothing to biopsy now.
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "alectinib", "start": "2021-03", "end": "2024-01", "stopReason": "progression", "progressionPattern": "systemic" }, { "therapy": "lorlatinib", "start": "2024-02", "stopReason": "ongoing" } ] }""");

        Assert.Empty(r.Diagnosis.NextTests);
        Assert.Contains(r.Trace, t => t.Rule == "DX-NEXT-002" && t.Detail.Contains("No resistance work-up is asked for now", StringComparison.Ordinal));
        Assert.Equal("lorlatinib", r.First());
    }

    [Fact]
    public void The_work_up_names_the_TKI_continued_through_the_latest_CNS_progression_not_the_earlier_failure()
    {
        var r = Cases.Evaluate("""
            { "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": false, "leptomeningeal": true }, "sites": ["brain"] },
              "history": [ { "therapy": "crizotinib", "start": "2012-01", "end": "2013-06", "stopReason": "progression", "progressionPattern": "cns" },
                           { "therapy": "alectinib", "start": "2013-07", "stopReason": "progression", "progressionPattern": "cns" } ] }
            """);

        Assert.All(r.Diagnosis.NextTests.Where(n => n.Reason.StartsWith("After progression", StringComparison.Ordinal)),
            n => Assert.StartsWith("After progression on alectinib", n.Reason, StringComparison.Ordinal));
        Assert.NotEmpty(r.Diagnosis.NextTests);
    }

    private static Result WithProgressionTest(string test) => Cases.Evaluate($$"""
        { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive", "date": "2022-01" }, {{test}} ],
          "history": [ { "therapy": "lorlatinib", "start": "2022-02", "end": "2026-11", "stopReason": "progression", "progressionPattern": "systemic" } ] }
        """);

    [Theory]
    [InlineData("""{ "gene": "ALK", "method": "fish", "sample": "tissue", "timing": "progression", "percentRearrangedCells": 40, "cellsScored": 100, "date": "2026-11" }""")]
    [InlineData("""{ "gene": "ALK", "method": "ngs-rna", "sample": "tissue", "timing": "progression", "result": "positive", "date": "2026-11" }""")]
    public void A_fusion_only_test_of_the_progression_biopsy_still_asks_for_its_DNA_NGS(string test)
    {
        // FISH and an RNA fusion panel show the fusion is still there, not the kinase mutations that decide the next TKI.
        var r = WithProgressionTest(test);

        Assert.Contains(r.Diagnosis.NextTests, n => n.Method == TestMethod.NgsDna && n.Sample == Sample.Tissue && n.Reason.Contains("DNA NGS of that tissue", StringComparison.Ordinal));
        Assert.Contains(r.Diagnosis.NextTests, n => n.Method == TestMethod.NgsDna && n.Sample == Sample.Plasma);
    }

    [Fact]
    public void Loss_of_ALK_staining_on_the_progression_biopsy_asks_for_its_histology()
    {
        var r = WithProgressionTest("""{ "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "timing": "progression", "result": "negative", "date": "2026-11" }""");

        var histology = Assert.Single(r.Diagnosis.NextTests, n => n.Method == TestMethod.Histology);
        Assert.Contains("ALK was positive at diagnosis but is negative on the progression biopsy (IHC)", histology.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DNA_NGS_of_the_progression_biopsy_ends_the_tissue_work_up()
    {
        var r = WithProgressionTest("""{ "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "date": "2026-11" }""");

        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Sample == Sample.Tissue);
        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Sample == Sample.Plasma);
    }

    [Fact]
    public void A_positive_MET_FISH_at_progression_is_read_as_MET_amplification()
    {
        // DX-BYPASS-001: the same finding entered as its own test or as the ALK test's alteration gives the same plan.
        var asTest = WithProgressionTest("""{ "gene": "MET", "method": "fish", "sample": "tissue", "timing": "progression", "result": "positive", "date": "2026-11" }""");
        var asAlteration = WithProgressionTest("""{ "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "alterations": ["MET amplification"], "date": "2026-11" }""");

        Assert.Contains(asTest.Trace, t => t.Rule == "DX-BYPASS-001" && t.Detail.Contains("'MET amplification'", StringComparison.Ordinal));
        Assert.Contains("crizotinib", asTest.Options());
        Assert.Equal(asAlteration.Options(), asTest.Options());
    }

    [Fact]
    public void An_EGFR_mutation_at_progression_is_said_not_dropped()
    {
        var r = WithProgressionTest("""{ "gene": "EGFR", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["L858R"], "date": "2026-11" }""");

        var warning = Assert.Single(r.Diagnosis.Warnings!, w => w.Code == "bypass-not-read");
        Assert.Contains("is positive (EGFR L858R)", warning.Message, StringComparison.Ordinal);
        Assert.Equal("ALK", r.Diagnosis.Driver.ToString().ToUpperInvariant());
    }

    [Fact]
    public void ROS1_CNS_progression_continued_on_lorlatinib_names_MET_amplification_and_the_labels_after_it()
    {
        // No table answers progression on lorlatinib for ROS1: what comes next names the US labels written for use after
        // it (repotrectinib, taletrectinib), and a MET amplification found in the progressing lesion is said on the
        // continuation (it had been silently dropped and "lorlatinib is the only systemic option" said).
        var r = Cases.Evaluate($$"""
            { "tests": [ { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "CD74" },
                         { "gene": "MET", "method": "fish", "sample": "tissue", "timing": "progression", "result": "positive", "date": "2026-10" } ],
              "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": false, "largestMm": 8 }, "sites": ["brain"] },
              "history": [ { "therapy": "crizotinib", "start": "2019-01", "end": "2021-01", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "lorlatinib", "start": "2021-02", "stopReason": "progression", "progressionPattern": "cns" } ] }
            """);

        Assert.Equal("lorlatinib", r.First());
        Assert.Contains("MET amplification found at this progression is a bypass lorlatinib does not cover", r.SystemicTherapy.Options[0].Rationale, StringComparison.Ordinal);
        var next = Assert.Single(r.Warnings, w => w.Code == "what-comes-next").Message;
        Assert.Contains("written for use after it cover repotrectinib", next, StringComparison.Ordinal);
    }
}
