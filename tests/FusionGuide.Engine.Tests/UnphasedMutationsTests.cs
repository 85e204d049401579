using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-RES-007 (issue #20, item 2): two kinase mutations found on plasma (or by a test that cannot phase them) are not a
/// proven compound — each single mutation's activity decides, the finding is stated as unphased, and tissue NGS is asked
/// for. The same pair on tissue NGS stays a compound (SYS-RES-001 with the compound row).
/// </summary>
public class UnphasedMutationsTests
{
    private static string G1202RL1196MAfterAlectinib(string? sample) =>
        $$"""
        { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                     {{Cases.ProgressionTest("ALK", ["G1202R", "L1196M"], sample: sample)}} ],
          "history": [ { "therapy": "alectinib", "start": "2020-01", "end": "2022-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }
        """;

    [Fact]
    public void Plasma_G1202R_L1196M_after_alectinib_does_not_avoid_lorlatinib_as_a_proven_compound()
    {
        var r = Cases.Evaluate(G1202RL1196MAfterAlectinib("plasma"));

        Assert.Equal("subsequent-targeted", r.Setting());
        Assert.Equal("lorlatinib", r.First());
        Assert.DoesNotContain("lorlatinib", r.Avoid());
        Assert.DoesNotContain("no-targeted-option", r.WarningCodes());
        // Each single mutation still counts: G1202R alone resists alectinib and crizotinib.
        Assert.Contains("alectinib", r.Avoid());
        Assert.Contains("crizotinib", r.Avoid());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void G1202R_L1196M_from_a_test_without_a_sample_is_unphased_and_keeps_lorlatinib()
    {
        // A missing sample is "not known": it may have been plasma, so the pair is no proven compound.
        var r = Cases.Evaluate(G1202RL1196MAfterAlectinib(null));

        Assert.Equal("lorlatinib", r.First());
        Assert.DoesNotContain("no-targeted-option", r.WarningCodes());
        Assert.Contains("of a sample not stated", Assert.Single(r.Warnings, w => w.Code == "unphased-mutations").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_sequencing_without_a_sample_is_not_read_as_negative()
    {
        var r = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ngs-rna", "result": "negative" }, { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "negative" } ] }""");

        Assert.Equal(GeneStatus.Equivocal, r.Diagnosis.Genes["ALK"]);
        Assert.Equal(GeneStatus.Negative, r.Diagnosis.Genes["ROS1"]);
        Assert.Contains("sample-not-stated", r.Diagnosis.Warnings.Select(w => w.Code));
        Assert.Contains(r.Diagnosis.NextTests, t => t.Gene == "ALK" && t.Reason.Contains("does not state its sample", StringComparison.Ordinal));
        Assert.DoesNotContain("outside-scope", r.WarningCodes());

        // IHC needs cells: an ALK IHC negative without a sample field is still a tissue result.
        var ihc = Cases.Evaluate("""{ "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "result": "negative" } ] }""");
        Assert.Equal(GeneStatus.Negative, ihc.Diagnosis.Genes["ALK"]);
    }

    [Fact]
    public void Plasma_G1202R_L1196M_is_stated_as_unphased_with_each_single_mutations_activity()
    {
        var r = Cases.Evaluate(G1202RL1196MAfterAlectinib("plasma"));

        Assert.Contains("SYS-RES-007", r.Rules());
        Assert.DoesNotContain("compound-estimated", r.WarningCodes());
        var warning = Assert.Single(r.Warnings, w => w.Code == "unphased-mutations");
        Assert.Contains("different clones", warning.Message);
        Assert.Contains("G1202R: ", warning.Message);
        Assert.Contains("L1196M: ", warning.Message);
        Assert.Contains("lorlatinib sensitive", warning.Message);
        // The compound row is quoted only as what tissue confirmation would mean.
        Assert.Contains("If tissue NGS shows them on one allele", warning.Message);
        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "lorlatinib");
        Assert.Contains("G1202R", lorlatinib.Rationale);
    }

    [Fact]
    public void Plasma_G1202R_L1198F_after_lorlatinib_names_for_each_mutation_only_the_tkis_it_resists()
    {
        // Found by probing: when no TKI was left, the rationale said each mutation resists every TKI the whole genotype
        // ruled out ("L1198F resists alectinib, brigatinib, ceritinib, crizotinib, lorlatinib"), although L1198F alone
        // resists lorlatinib only and is rated crizotinib-sensitive.
        var r = Cases.Evaluate($$"""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                         {{Cases.ProgressionTest("ALK", ["G1202R", "L1198F"])}} ],
              "history": [ { "therapy": "alectinib", "start": "2019-01", "end": "2021-06", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "lorlatinib", "start": "2021-07", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        Assert.Equal("post-targeted", r.Setting());
        var first = r.SystemicTherapy.Options[0].Rationale;
        Assert.Contains("L1198F (plasma DNA NGS) resists lorlatinib;", first);
        Assert.Contains("G1202R (plasma DNA NGS) resists alectinib, brigatinib, ceritinib, crizotinib;", first);
    }

    [Fact]
    public void Plasma_G1202R_L1196M_asks_for_tissue_NGS_to_phase_the_mutations()
    {
        var r = Cases.Evaluate(G1202RL1196MAfterAlectinib("plasma"));

        var tissue = Assert.Single(r.Diagnosis.NextTests, n => n.Gene == "ALK" && n.Method == TestMethod.NgsDna && n.Sample == Sample.Tissue);
        Assert.Contains("one allele", tissue.Reason);
    }

    [Fact]
    public void Tissue_G1202R_L1196M_stays_a_compound_that_lorlatinib_resists()
    {
        var r = Cases.Evaluate(G1202RL1196MAfterAlectinib("tissue"));

        Assert.DoesNotContain("SYS-RES-007", r.Rules());
        Assert.DoesNotContain("unphased-mutations", r.WarningCodes());
        Assert.Contains("lorlatinib", r.Avoid());
        Assert.DoesNotContain(r.Diagnosis.NextTests, n => n.Method == TestMethod.NgsDna && n.Sample == Sample.Tissue);
    }

    [Fact]
    public void A_single_plasma_mutation_is_not_called_unphased()
    {
        var r = Cases.Evaluate(G1202RL1196MAfterAlectinib("plasma").Replace("\"L1196M\"", "", StringComparison.Ordinal).Replace("[\"G1202R\",]", "[\"G1202R\"]", StringComparison.Ordinal));

        Assert.DoesNotContain("unphased-mutations", r.WarningCodes());
        Assert.Equal("lorlatinib", r.First());
    }

    [Fact]
    public void Plasma_G1202R_L1196M_after_progression_on_lorlatinib_is_read_as_the_compound_that_explains_it()
    {
        // Each mutation alone is lorlatinib-sensitive, so only the compound explains progression on lorlatinib.
        var r = Cases.Evaluate($$"""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                         {{Cases.ProgressionTest("ALK", ["G1202R", "L1196M"], sample: "plasma")}} ],
              "history": [ { "therapy": "alectinib", "start": "2020-01", "end": "2022-06", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "lorlatinib", "start": "2022-07", "end": "2025-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        Assert.Contains("SYS-RES-007", r.Rules());
        var warning = Assert.Single(r.Warnings, w => w.Code == "unphased-mutations");
        Assert.Contains("only the compound", warning.Message);
        Assert.Contains("brigatinib", r.Avoid());
        Assert.Contains("no-targeted-option", r.WarningCodes());
        Assert.DoesNotContain(r.Options(), o => o is "brigatinib" or "lorlatinib");
    }
}
