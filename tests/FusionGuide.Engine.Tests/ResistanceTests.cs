using System.Text.Json.Nodes;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>Resistance mutations and mechanisms at progression: every row of the activity table, and named cases.</summary>
public class ResistanceTests
{
    /// <summary>A CD74-ROS1 fusion, and G2032R on tissue DNA NGS at progression.</summary>
    private const string Ros1CD74WithG2032R = """
        [ { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "CD74" },
          { "gene": "ROS1", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "mutations": ["G2032R"] } ]
        """;

    public static TheoryData<string> MutationRows() => [.. Kb.Folder(Path.Combine("resistance", "mutations")).Select(r => r["id"]!.GetValue<string>())];

    private static JsonObject Row(string id) => Kb.File(Path.Combine("resistance", "mutations", id + ".json"));

    private static string AtProgression(string gene, IEnumerable<string> mutations, string history, string? tests = null, IEnumerable<string>? alterations = null, string sample = "plasma")
    {
        var diagnosis = gene == "ALK" ? """{ "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }""" : Cases.Ros1Tests[1..^1];
        return $$"""{ "tests": [ {{diagnosis}}, {{Cases.ProgressionTest(gene, mutations, alterations, sample)}} ], "history": {{history}} {{tests ?? ""}} }""";
    }

    private static string Progressed(params string[] drugs) =>
        "[" + string.Join(",", drugs.Select((d, i) => $$"""{ "therapy": "{{d}}", "start": "{{2019 + 2 * i}}-01", "end": "{{2020 + 2 * i}}-12", "stopReason": "progression", "progressionPattern": "systemic" }""")) + "]";

    [Theory]
    [InlineData("plasma")]
    [InlineData("tissue")]
    public void Compound_row_that_does_not_rate_crizotinib_still_rules_it_out_when_a_part_resists_it(string sample)
    {
        // I1171N+D1203N's row rates only alectinib and lorlatinib; I1171N alone resists crizotinib, so the compound must
        // too (SYS-RES-002) — found by the property invariant (seed aul82sEnhpu1), where crizotinib was offered.
        var r = Cases.Evaluate(AtProgression("ALK", ["I1171N", "D1203N"], Progressed("alectinib", "lorlatinib"), sample: sample));

        Assert.DoesNotContain("crizotinib", r.Options());
        Assert.Contains("crizotinib", r.Avoid());
        Assert.Contains("SYS-RES-002", r.Rules());
    }

    [Theory]
    [MemberData(nameof(MutationRows))]
    public void Every_resistant_cell_rules_the_drug_out(string rowId)
    {
        var row = Row(rowId);
        var gene = row["gene"]!.GetValue<string>();
        var mutations = Kb.Strings(row["mutations"]);
        var prior = gene == "ALK" ? "alectinib" : "crizotinib";

        // Tissue NGS phases the mutations: a compound row applies as a proven compound (plasma would be unphased, SYS-RES-007).
        var r = Cases.Evaluate(AtProgression(gene, mutations, Progressed(prior), sample: "tissue"));

        var resistant = row["cells"]!.AsArray().Where(c => c!["activity"]!.GetValue<string>() == "resistant").Select(c => c!["drug"]!.GetValue<string>()).ToList();
        Assert.Equal(gene, r.Driver());
        foreach (var drug in resistant)
        {
            Assert.DoesNotContain(drug, r.Options());
            if (Kb.Targets(drug).Contains(gene))
            {
                Assert.Contains(drug, r.Avoid());
            }
        }

        r.AssertOptionsDisjointFromAvoid();
        Assert.Contains("SYS-RES-001", r.Rules());
        Assert.DoesNotContain("unknown-mutation", r.WarningCodes());
        Assert.DoesNotContain("compound-estimated", r.WarningCodes());
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("JP")]
    [InlineData(null)]
    [InlineData("US")]
    public void Zidesamtinib_before_any_approval_is_investigational_in_every_region_not_an_option(string? region)
    {
        var context = region is null ? "" : $$""", "context": { "region": "{{region}}" }""";
        var r = Cases.Evaluate($$"""
            { "tests": {{Ros1CD74WithG2032R}},
              "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2025-12", "stopReason": "progression", "progressionPattern": "systemic" } ]{{context}} }
            """, new DateOnly(2026, 1, 15));

        Assert.DoesNotContain("zidesamtinib", r.Options());
        var reason = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Domain.Therapy.Zidesamtinib).Reason;
        Assert.StartsWith("Zidesamtinib is investigational on 2026-01-15", reason, StringComparison.Ordinal);
        Assert.Contains("clinical trial or expanded access", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Warnings, w => w.Code == "approval-unknown" && w.Message.Contains("idesamtinib", StringComparison.Ordinal));
        Assert.Contains("SYS-ACCESS-005", r.Rules());
    }

    [Fact]
    public void Zidesamtinib_after_its_us_approval_is_no_longer_called_investigational()
    {
        var r = Cases.Evaluate($$"""
            { "tests": {{Ros1CD74WithG2032R}},
              "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2025-12", "stopReason": "progression", "progressionPattern": "systemic" } ], "context": { "region": "US" } }
            """, new DateOnly(2026, 8, 1));

        Assert.Contains("zidesamtinib", r.Options());
        Assert.DoesNotContain("SYS-ACCESS-005", r.Rules());
    }

    [Fact]
    public void Cabozantinib_after_repotrectinib_is_credited_to_the_resistance_study_not_to_NCCN()
    {
        // The table of genotype-directed options after next-generation ROS1 TKIs is drawn from Lin 2021, not from NCCN.
        var r = Cases.Evaluate($$"""
            { "tests": {{Ros1CD74WithG2032R}},
              "disease": { "brainMetastases": { "present": false }, "sites": ["lung", "bone"] },
              "history": [ { "therapy": "repotrectinib", "start": "2024-02", "end": "2026-11", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "context": { "region": "US" } }
            """);

        var cabozantinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Domain.Therapy.Cabozantinib).Rationale;
        Assert.DoesNotContain("NCCN", cabozantinib, StringComparison.Ordinal);
        Assert.DoesNotContain("guideline-supported", cabozantinib, StringComparison.Ordinal);
        Assert.Contains("Lin-2021", cabozantinib, StringComparison.Ordinal);
        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Therapy == Domain.Therapy.ClinicalTrial && o.Rationale.Contains("zidesamtinib", StringComparison.Ordinal));
    }

    [Fact]
    public void With_leptomeningeal_disease_a_partly_active_CNS_active_TKI_still_leads_a_less_CNS_active_one()
    {
        // G1269A after crizotinib: alectinib (intermediate, high CNS activity) before ceritinib (sensitive, moderate CNS activity):
        // only a TKI of unknown activity falls behind one recorded active.
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" },
                         { "gene": "ALK", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "mutations": ["G1269A"] } ],
              "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": true, "largestMm": 10, "leptomeningeal": true }, "sites": ["lung", "bone", "brain"] },
              "history": [ { "therapy": "crizotinib", "start": "2019-02", "end": "2021-05", "stopReason": "progression", "progressionPattern": "both" } ],
              "context": { "region": "US", "unavailable": ["lorlatinib", "brigatinib"] } }
            """);

        Assert.Equal("alectinib", r.First());
        Assert.Contains("ceritinib", r.Options());
    }

    [Fact]
    public void With_brain_metastases_a_TKI_active_against_G2032R_ranks_before_one_whose_activity_is_not_known()
    {
        // On 2020-09-01 entrectinib's loss of activity against G2032R is not yet published (SYS-DATE-001): its activity is
        // unknown, and its CNS penetration must not put it before cabozantinib, recorded active against G2032R.
        var r = Cases.Evaluate($$"""
            { "tests": {{Ros1CD74WithG2032R}},
              "disease": { "brainMetastases": { "present": true, "count": 4, "largestMm": 9, "symptomatic": false }, "sites": ["brain", "lung"] },
              "history": [ { "therapy": "crizotinib", "start": "2017-01", "end": "2020-08", "stopReason": "progression", "progressionPattern": "systemic" } ],
              "context": { "region": "US" } }
            """, new DateOnly(2020, 9, 1));

        var options = r.Options().ToList();
        Assert.Contains("entrectinib", options);
        Assert.True(options.IndexOf("cabozantinib") < options.IndexOf("entrectinib"), string.Join(", ", options));
        Assert.Contains(r.Trace, t => t.Rule == "SYS-RANK-001" && t.Detail.Contains("activity against the resistance mutation", StringComparison.Ordinal));
    }

    [Fact]
    public void G1202R_after_alectinib_prefers_lorlatinib()
    {
        var r = Cases.Evaluate(AtProgression("ALK", ["G1202R"], Progressed("alectinib")));

        Assert.Equal("subsequent-targeted", r.Setting());
        Assert.Equal("lorlatinib", r.First());
        Assert.Contains("alectinib", r.Avoid());
        Assert.Contains("crizotinib", r.Avoid());
    }

    [Fact]
    public void G1202R_L1196M_after_lorlatinib_is_post_targeted_chemotherapy()
    {
        var r = Cases.Evaluate(AtProgression("ALK", ["G1202R", "L1196M"], Progressed("alectinib", "lorlatinib"), sample: "tissue"));

        Assert.Equal("post-targeted", r.Setting());
        Assert.Contains("no-targeted-option", r.WarningCodes());
        Assert.Contains("SYS-POST-001", r.Rules());
        Assert.Equal("platinum-pemetrexed", r.First());
        Assert.Contains("immunotherapy-monotherapy", r.Avoid());
        Assert.DoesNotContain(r.Options(), Kb.IsTargeted);
    }

    [Fact]
    public void I1171N_after_alectinib_prefers_lorlatinib_and_offers_sensitive_second_generation_drugs()
    {
        var r = Cases.Evaluate(AtProgression("ALK", ["I1171N"], Progressed("alectinib")));

        Assert.Equal("lorlatinib", r.First());
        var row = Row("alk-i1171n");
        var table = Kb.File(Path.Combine("regimens", "nccn-alk-subsequent-after-second-generation.json"));
        var listed = table["entries"]!.AsArray().Select(e => e!["therapy"]!.GetValue<string>()).ToHashSet();
        var sensitiveSecondGen = row["cells"]!.AsArray()
            .Where(c => c!["activity"]!.GetValue<string>() == "sensitive")
            .Select(c => c!["drug"]!.GetValue<string>())
            .Where(d => Kb.Drug(d)["generation"]?.GetValue<int>() == 2 && listed.Contains(d) && d != "alectinib")
            .ToList();
        Assert.NotEmpty(sensitiveSecondGen);
        Assert.All(sensitiveSecondGen, d => Assert.Contains(d, r.Options()));
    }

    [Fact]
    public void C1156Y_L1198F_after_lorlatinib_offers_crizotinib_by_genotype()
    {
        var r = Cases.Evaluate(AtProgression("ALK", ["C1156Y", "L1198F"], Progressed("lorlatinib"), sample: "tissue"));

        Assert.Contains("crizotinib", r.Options());
        Assert.Contains("lorlatinib", r.Avoid());
        Assert.Equal("subsequent-targeted", r.Setting());
    }

    [Fact]
    public void Ros1_G2032R_after_crizotinib_prefers_repotrectinib_or_taletrectinib()
    {
        var r = Cases.Evaluate(AtProgression("ROS1", ["G2032R"], Progressed("crizotinib")));

        Assert.Contains(r.First(), new[] { "repotrectinib", "taletrectinib" });
        Assert.Contains("crizotinib", r.Avoid());
        Assert.Contains("entrectinib", r.Avoid());
        Assert.DoesNotContain("entrectinib", r.Options());
    }

    [Fact]
    public void Ros1_L2086F_after_repotrectinib_offers_cabozantinib()
    {
        var r = Cases.Evaluate(AtProgression("ROS1", ["L2086F"], Progressed("repotrectinib")));

        Assert.Contains("cabozantinib", r.Options());
        Assert.Contains("repotrectinib", r.Avoid());
        Assert.Contains("taletrectinib", r.Avoid());
        Assert.Contains("lorlatinib", r.Avoid());
    }

    [Fact]
    public void Unknown_mutation_is_reported_and_does_not_steer()
    {
        var r = Cases.Evaluate(AtProgression("ALK", ["A1200V"], Progressed("alectinib")));

        Assert.Contains("unknown-mutation", r.WarningCodes());
        Assert.Contains("SYS-RES-003", r.Rules());
        Assert.Equal("lorlatinib", r.First());
    }

    [Fact]
    public void Compound_not_in_the_table_is_estimated_from_its_parts()
    {
        var r = Cases.Evaluate(AtProgression("ALK", ["G1202R", "F1174C"], Progressed("alectinib"), sample: "tissue"));

        Assert.Contains("compound-estimated", r.WarningCodes());
        Assert.Contains("SYS-RES-002", r.Rules());
        // G1202R alone makes crizotinib and alectinib resistant: the compound can be no better.
        Assert.Contains("crizotinib", r.Avoid());
        Assert.Contains("alectinib", r.Avoid());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void Met_amplification_after_alectinib_brings_the_off_target_approach()
    {
        var r = Cases.Evaluate(AtProgression("ALK", [], Progressed("alectinib"), alterations: ["MET amplification"]));

        Assert.Contains("SYS-RES-004", r.Rules());
        var approach = Kb.File(Path.Combine("resistance", "off-target", "alk-met-amplification.json"))["therapies"]!.AsArray()
            .Select(t => t!["therapy"]!.GetValue<string>()).ToList();
        Assert.Contains(r.Options(), approach.Contains);
        Assert.Contains("crizotinib", r.Options());
    }

    [Fact]
    public void Small_cell_transformation_gets_platinum_etoposide()
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "transformation": "small-cell" }, "history": {{Progressed("alectinib")}} }""");

        Assert.Equal("platinum-etoposide", r.First());
        Assert.Contains("histologic-transformation", r.WarningCodes());
        Assert.Contains("SYS-RES-005", r.Rules());
        Assert.DoesNotContain(r.Options(), Kb.IsTargeted);
    }

    [Fact]
    public void Squamous_histology_is_never_offered_pemetrexed()
    {
        var r = Cases.Evaluate(AtProgression("ALK", ["G1202R", "L1196M"], Progressed("alectinib", "lorlatinib"), """, "tumor": { "histology": "squamous" }""", sample: "tissue"));

        Assert.Equal("post-targeted", r.Setting());
        Assert.DoesNotContain("platinum-pemetrexed", r.Options());
        Assert.DoesNotContain("platinum-pemetrexed-bevacizumab", r.Options());
        Assert.NotEmpty(r.SystemicTherapy.Options);
    }

    [Fact]
    public void Squamous_transformation_is_never_offered_pemetrexed()
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "transformation": "squamous" }, "history": {{Progressed("alectinib")}} }""");

        Assert.Contains("histologic-transformation", r.WarningCodes());
        Assert.DoesNotContain("platinum-pemetrexed", r.Options());
        Assert.DoesNotContain("platinum-pemetrexed-bevacizumab", r.Options());
    }

    [Fact]
    public void A_squamous_transformation_recorded_before_any_TKI_is_not_resistance_and_keeps_the_first_line_TKIs()
    {
        // After adjuvant chemotherapy only, a squamous recurrence was read as TKI resistance: no ALK TKI was offered and
        // chemo-immunotherapy was (probe S19E, I5).
        var r = Cases.Evaluate("""
            { "tumor": { "histology": "adenocarcinoma", "stage": "IVB", "transformation": "squamous" },
              "history": [ { "therapy": "platinum-pemetrexed", "start": "2024-01", "end": "2024-04", "stopReason": "completed" } ] }
            """);

        Assert.Equal("alectinib", r.First());
        Assert.Contains(r.Warnings, w => w.Code == "histologic-transformation" && w.Message.Contains("no ALK TKI has been given", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Warnings, w => w.Message.Contains("a resistance mechanism that the ALK TKI no longer controls", StringComparison.Ordinal));
    }

    [Fact]
    public void A_small_cell_transformation_recorded_before_any_TKI_is_read_as_small_cell_lung_cancer_not_resistance()
    {
        // Balla 2018: small-cell recurrence after adjuvant chemotherapy, never an ALK TKI.
        var r = Cases.Evaluate("""{ "tumor": { "histology": "adenocarcinoma", "stage": "IVB", "transformation": "small-cell" } }""");

        Assert.Contains(r.Warnings, w => w.Code == "small-cell-histology" && w.Message.Contains("not TKI resistance", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Warnings, w => w.Message.Contains("a resistance mechanism that the ALK TKI no longer controls", StringComparison.Ordinal));
    }

    [Fact]
    public void Small_cell_histology_with_a_squamous_transformation_recorded_before_any_TKI_stays_small_cell_lung_cancer()
    {
        // Found by the property tests: the squamous "transformation" without a TKI took the case off the small-cell path
        // and put alectinib first for a small-cell carcinoma.
        var r = Cases.Evaluate("""{ "tumor": { "histology": "small-cell", "stage": "IVA", "transformation": "squamous" } }""");

        Assert.Contains("small-cell-histology", r.WarningCodes());
        Assert.NotEqual("alectinib", r.First());
    }
}
