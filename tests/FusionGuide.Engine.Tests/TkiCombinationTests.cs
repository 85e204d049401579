using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// #20 item 2: combinations recorded on a resistance mechanism (ALK inhibitor + MET inhibitor for MET amplification,
/// the inhibitor continued with chemotherapy, platinum-etoposide with the inhibitor after small-cell transformation)
/// are offered as certain-circumstances options marked off-label, with their source, only when the case has the finding
/// (SYS-COMB-001).
/// </summary>
public sealed class TkiCombinationTests
{
    private const string AlkIhc = """{ "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }""";

    private static string Progressed(params string[] drugs) =>
        "[" + string.Join(",", drugs.Select((d, i) => $$"""{ "therapy": "{{d}}", "start": "{{2019 + 2 * i}}-01", "end": "{{2020 + 2 * i}}-12", "stopReason": "progression", "progressionPattern": "systemic" }""")) + "]";

    private static Result MetAmplificationAfter(params string[] drugs) =>
        Cases.Evaluate($$"""{ "tests": [ {{AlkIhc}}, {{Cases.ProgressionTest("ALK", [], ["MET amplification"], "tissue")}} ], "history": {{Progressed(drugs)}} }""");

    private static IReadOnlyList<TherapyOption> Combinations(Result r) => [.. r.SystemicTherapy.Options.Where(o => o.Combination is not null)];

    [Fact]
    public void MET_amplification_after_alectinib_offers_ALK_plus_MET_inhibitor_as_off_label_option()
    {
        var r = MetAmplificationAfter("alectinib");

        var combination = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Crizotinib && o.Combination is not null);
        Assert.Equal([Therapy.Alectinib], combination.Combination!.With);
        Assert.Equal(CombinationUse.OffLabel, combination.Combination.Use);
        Assert.Equal(Preference.CertainCircumstances, combination.Preference);
        Assert.Contains("dagogo-jack-2020-met", combination.References);
        // Why, for this patient: the finding, the inhibitor continued, and the evidence's limits.
        Assert.Contains("MET amplification after alectinib", combination.Rationale, StringComparison.Ordinal);
        Assert.Contains("off-label", combination.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-COMB-001", r.Rules());
        // Crizotinib alone stays an option beside the combination, and its dosing row is not repeated.
        Assert.Contains(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Crizotinib && o.Combination is null);
        Assert.Single(r.Dosing, d => d.Therapy == Therapy.Crizotinib);
    }

    [Fact]
    public void A_TKI_the_genotype_resists_is_not_continued_inside_a_combination()
    {
        // G1202R with MET amplification after alectinib: alectinib does nothing for the G1202R clone, so neither
        // "crizotinib added to alectinib" nor "chemotherapy added to alectinib" is offered; lorlatinib leads.
        var r = Cases.Evaluate($$"""{ "tests": [ {{AlkIhc}}, {{Cases.ProgressionTest("ALK", ["G1202R"], ["MET amplification"], "tissue")}} ], "history": {{Progressed("alectinib")}} }""");

        Assert.Empty(Combinations(r));
        Assert.Equal("lorlatinib", r.First());
        Assert.Contains(r.Trace, t => t.Rule == "SYS-COMB-001" && t.Detail.Contains("which G1202R found at progression resists", StringComparison.Ordinal));
        Assert.DoesNotContain(r.SystemicTherapy.Avoid, a => a.Reason.Contains("as a single agent only", StringComparison.Ordinal));
    }

    [Fact]
    public void MET_amplification_when_no_TKI_is_left_brings_each_option_and_note_once()
    {
        // After crizotinib then lorlatinib no TKI is left: the plan goes on to the post-targeted pathway, which had
        // added the mechanism a second time (two identical combination rows, the finding's note twice on one option).
        var r = MetAmplificationAfter("crizotinib", "lorlatinib");

        var rows = r.SystemicTherapy.Options.Select(o => (o.Therapy, With: string.Join(",", o.Combination?.With ?? []))).ToList();
        Assert.Equal(rows.Distinct().Count(), rows.Count);
        Assert.Single(Combinations(r));
        Assert.All(r.SystemicTherapy.Options, o => Assert.True(o.Rationale.Split("MET amplification found at progression").Length <= 2, o.Rationale));
        Assert.Single(r.Trace, t => t.Rule == "SYS-RES-004");
    }

    [Fact]
    public void Two_bypass_alterations_with_the_same_reason_are_said_together_once()
    {
        var r = Cases.Evaluate($$"""{ "tests": [ {{AlkIhc}}, {{Cases.ProgressionTest("ALK", [], ["PIK3CA mutation", "KRAS mutation"], "tissue")}} ], "history": {{Progressed("ceritinib")}} }""");

        var trial = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.ClinicalTrial);
        Assert.Contains("PIK3CA mutation and KRAS mutation found at progression", trial.Rationale, StringComparison.Ordinal);
        Assert.Equal(2, trial.Rationale.Split("Bypass-driven resistance").Length);
        // Each alteration still has its own trace line.
        Assert.Equal(2, r.Trace.Count(t => t.Rule == "SYS-RES-004"));
    }

    [Fact]
    public void MET_amplification_offers_chemotherapy_with_the_ALK_inhibitor_continued()
    {
        var r = MetAmplificationAfter("alectinib");

        var combination = Assert.Single(Combinations(r), o => o.Therapy == Therapy.PlatinumPemetrexed);
        Assert.Equal([Therapy.Alectinib], combination.Combination!.With);
        Assert.Contains("lin-2020-chemo-alk", combination.References);
        // Its case-series figures are listed once in the evidence section, never in the row (issue #20 item 7).
        Assert.DoesNotContain("6.8 vs 3.2 months", combination.Rationale, StringComparison.Ordinal);
        Assert.Contains(r.Evidence!, x => x.Reference == "lin-2020-chemo-alk" && x.Figures.Any(f => f.Contains("6.8 vs 3.2 months", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_inhibitor_continued_in_a_combination_is_avoided_as_a_single_agent_only()
    {
        var r = MetAmplificationAfter("alectinib");

        // Avoided after progression, yet continued inside the combinations: the avoid row must say both, never contradict.
        var alectinib = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Alectinib);
        Assert.StartsWith("Disease progressed on it", alectinib.Reason, StringComparison.Ordinal);
        Assert.Contains("as a single agent only: it is continued inside the combinations offered (", alectinib.Reason, StringComparison.Ordinal);
        foreach (var combination in Combinations(r))
        {
            Assert.Contains(combination.Therapy.Code() switch { "crizotinib" => "crizotinib", _ => "platinum" }, alectinib.Reason, StringComparison.Ordinal);
        }

        // With no combination offered, the avoid row is the plain one.
        var plain = Cases.Evaluate($$"""{ "tests": [ {{AlkIhc}} ], "history": {{Progressed("alectinib")}} }""");
        Assert.DoesNotContain("single agent", Assert.Single(plain.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Alectinib).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Combinations_rank_after_every_single_option_of_a_higher_preference()
    {
        var options = MetAmplificationAfter("alectinib").SystemicTherapy.Options;

        var firstCombination = options.ToList().FindIndex(o => o.Combination is not null);
        Assert.True(firstCombination > 0);
        Assert.All(options.Take(firstCombination), o => Assert.Null(o.Combination));
        Assert.All(options.Skip(firstCombination), o => Assert.Equal(Preference.CertainCircumstances, o.Preference));
    }

    [Fact]
    public void No_combination_is_offered_without_the_finding()
    {
        var r = Cases.Evaluate($$"""{ "history": {{Progressed("alectinib")}} }""");

        Assert.Empty(Combinations(r));
        Assert.DoesNotContain("SYS-COMB-001", r.Rules());
    }

    [Fact]
    public void No_combination_when_no_ALK_inhibitor_was_taken()
    {
        var r = MetAmplificationAfter("platinum-pemetrexed");

        Assert.Empty(Combinations(r));
        Assert.Contains(r.Trace, t => t.Rule == "SYS-COMB-001" && t.Detail.Contains("no ALK inhibitor to continue", StringComparison.Ordinal));
    }

    [Fact]
    public void No_combination_when_the_inhibitor_to_continue_cannot_be_obtained()
    {
        var r = Cases.Evaluate($$"""{ "tests": [ {{AlkIhc}}, {{Cases.ProgressionTest("ALK", [], ["MET amplification"], "tissue")}} ], "history": {{Progressed("alectinib")}}, "context": { "region": "US", "unavailable": ["alectinib"] } }""");

        Assert.Empty(Combinations(r));
        Assert.Contains(r.Trace, t => t.Rule == "SYS-COMB-001" && t.Detail.Contains("cannot be obtained", StringComparison.Ordinal));
    }

    [Fact]
    public void A_combination_never_adds_the_inhibitor_to_itself()
    {
        var r = MetAmplificationAfter("crizotinib");

        Assert.DoesNotContain(Combinations(r), o => o.Combination!.With.Contains(o.Therapy));
        Assert.All(Combinations(r), o => Assert.Equal([Therapy.Crizotinib], o.Combination!.With));
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void Small_cell_transformation_offers_platinum_etoposide_with_regimen()
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "transformation": "small-cell" }, "history": {{Progressed("alectinib")}} }""");

        Assert.Equal("platinum-etoposide", r.First());
        Assert.Null(r.SystemicTherapy.Options[0].Combination);
        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.PlatinumEtoposide);
        Assert.Contains("etoposide 100 mg/m² IV days 1–3", row.Start, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("every 21 days", row.Start, StringComparison.Ordinal);
        Assert.Contains(r.Monitoring, m => m.Therapy == Therapy.PlatinumEtoposide && m.Item.StartsWith("Complete blood count", StringComparison.Ordinal));
        // Continuing the TKI alongside is offered only as an off-label combination, ranked last.
        var combination = Assert.Single(Combinations(r));
        Assert.Equal(Therapy.PlatinumEtoposide, combination.Therapy);
        Assert.Equal([Therapy.Alectinib], combination.Combination!.With);
        Assert.Equal(CombinationUse.OffLabel, combination.Combination.Use);
        Assert.Equal(Preference.CertainCircumstances, combination.Preference);
        Assert.Contains("unproven", combination.Rationale, StringComparison.Ordinal);
        Assert.Equal(combination, r.SystemicTherapy.Options[^1]);
    }
}
