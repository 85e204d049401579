using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>Setting and line from the history; adjuvant; continuation; what the history rules out.</summary>
public class SettingTests
{
    private static IReadOnlyList<string> FirstLineTable(string driver, DateOnly on) =>
        [.. Kb.Folder("regimens")
            .Where(t => t["driver"]!.GetValue<string>() == driver && t["setting"]!.GetValue<string>() == "first-line" && Kb.InForce(t, on))
            .SelectMany(t => t["entries"]!.AsArray().Select(e => e!["therapy"]!.GetValue<string>()))];

    [Fact]
    public void No_history_is_first_line_1()
    {
        var r = Cases.Evaluate();

        Assert.Equal("first-line", r.Setting());
        Assert.Equal(1, r.SystemicTherapy.Line);
        Assert.Contains(r.First(), new[] { "alectinib", "brigatinib", "lorlatinib" });
        Assert.Contains("immunotherapy-monotherapy", r.Avoid());
    }

    [Fact]
    public void Chemo_immunotherapy_ongoing_then_alk_found_is_first_line_targeted()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "chemo-immunotherapy", "start": "2026-09", "stopReason": "ongoing" } ] }""");

        Assert.Equal("first-line", r.Setting());
        Assert.True(Kb.IsTargeted(r.First()!), $"first choice {r.First()} is not a TKI");
        Assert.Contains("prior-immunotherapy", r.WarningCodes());
        Assert.Contains("SYS-IO-002", r.Rules());
    }

    [Fact]
    public void Checkpoint_inhibitor_taken_when_alk_is_found_is_stopped_not_given_with_the_tki()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "chemo-immunotherapy", "start": "2026-09", "stopReason": "ongoing" } ] }""");

        var warning = Assert.Single(r.Warnings, w => w.Code == "prior-immunotherapy");
        Assert.Contains("is being given", warning.Message);
        Assert.Contains("stop the checkpoint inhibitor when the TKI starts and do not give the two together", warning.Message);
        Assert.Contains("CheckMate 370", warning.Message);
        Assert.Contains("SYS-IO-003", r.Rules());
    }

    [Fact]
    public void Checkpoint_inhibitor_given_before_asks_for_liver_tests_without_a_stop_instruction()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "chemo-immunotherapy", "start": "2025-01", "end": "2025-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }""");

        var warning = Assert.Single(r.Warnings, w => w.Code == "prior-immunotherapy");
        Assert.Contains("was given", warning.Message);
        Assert.Contains("Lin 2019", warning.Message);
        Assert.DoesNotContain("stop the checkpoint inhibitor", warning.Message);
        Assert.DoesNotContain("pneumonitis", warning.Message);
        Assert.DoesNotContain("SYS-IO-003", r.Rules());
    }

    [Fact]
    public void Checkpoint_inhibitor_warning_waits_for_its_studies()
    {
        // CheckMate 370 appeared on 2018-03-06 and Lin 2019 on 2018-09-08: a 2017 case is told neither.
        var ongoing = """{ "history": [ { "therapy": "immunotherapy-monotherapy", "start": "2017-01", "stopReason": "ongoing" } ] }""";

        Assert.DoesNotContain("prior-immunotherapy", Cases.Evaluate(ongoing, new DateOnly(2017, 6, 1)).WarningCodes());
        var mid2018 = Cases.Evaluate(ongoing, new DateOnly(2018, 6, 1));
        Assert.Contains("SYS-IO-003", mid2018.Rules());
        Assert.DoesNotContain("SYS-IO-002", mid2018.Rules());
    }

    [Fact]
    public void Alectinib_progression_is_subsequent_targeted_line_2()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2025-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }""");

        Assert.Equal("subsequent-targeted", r.Setting());
        Assert.Equal(2, r.SystemicTherapy.Line);
        Assert.Equal("lorlatinib", r.First());
        Assert.Contains("alectinib", r.Avoid());
        Assert.Contains("SYS-AVOID-001", r.Rules());
    }

    [Fact]
    public void Alectinib_intolerance_stays_first_line_with_alectinib_avoided()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "alectinib", "start": "2025-01", "end": "2025-03", "stopReason": "intolerance" } ] }""");

        Assert.Equal("first-line", r.Setting());
        Assert.Equal(1, r.SystemicTherapy.Line);
        Assert.Contains("alectinib", r.Avoid());
        Assert.DoesNotContain("alectinib", r.Options());
        var table = FirstLineTable("ALK", Kb.ReleaseDate);
        Assert.All(r.Options(), o => Assert.Contains(o, table));
        Assert.Contains("lorlatinib", r.Options());
        Assert.Contains("brigatinib", r.Options());
        Assert.Contains(RuleIds.Intolerance, r.Rules());
    }

    [Fact]
    public void Alectinib_then_lorlatinib_progression_without_mutations_avoids_lorlatinib()
    {
        var r = Cases.Evaluate("""
            { "history": [
              { "therapy": "alectinib", "start": "2021-01", "end": "2023-01", "stopReason": "progression", "progressionPattern": "systemic" },
              { "therapy": "lorlatinib", "start": "2023-02", "end": "2025-09", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        Assert.Contains("lorlatinib", r.Avoid());
        Assert.Contains("alectinib", r.Avoid());
        Assert.DoesNotContain("lorlatinib", r.Options());
        Assert.Equal(3, r.SystemicTherapy.Line);
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void Resected_stage_iib_is_adjuvant_with_alectinib_first()
    {
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] } }""");

        Assert.Equal("adjuvant", r.Setting());
        Assert.Equal("alectinib", r.First());
        Assert.Contains("SYS-ADJ-001", r.Rules());
    }

    [Fact]
    public void Resected_stage_ia_is_adjuvant_with_no_options()
    {
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IA", "resected": true }, "disease": { "sites": [] } }""");

        Assert.Equal("adjuvant", r.Setting());
        Assert.Empty(r.SystemicTherapy.Options);
        Assert.Contains("SYS-ADJ-001", r.Rules());
        // The empty list is said, not left to read as if nothing had been found.
        var next = Assert.Single(r.Warnings, w => w.Code == "what-comes-next");
        Assert.Contains("no adjuvant systemic therapy is indicated", next.Message, StringComparison.Ordinal);
        Assert.Contains("surveillance", next.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resected_ros1_gets_no_tki_but_chemotherapy()
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] }, "tests": {{Cases.Ros1Tests}} }""");

        Assert.Equal("adjuvant", r.Setting());
        Assert.DoesNotContain(r.Options(), Kb.IsTargeted);
        Assert.Contains("platinum-pemetrexed", r.Options());
    }

    [Fact]
    public void Resected_stage_iib_before_the_alina_approval_gets_no_adjuvant_alectinib()
    {
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] } }""", new DateOnly(2023, 6, 1));

        Assert.Equal("adjuvant", r.Setting());
        Assert.DoesNotContain("alectinib", r.Options());
        // Either the pre-ALINA table in force on that date answers, or the result says that none is encoded.
        if (!r.WarningCodes().Contains("no-guideline-table"))
        {
            Assert.Contains("platinum-pemetrexed", r.Options());
        }
    }

    [Fact]
    public void Resected_ALK_between_the_alina_approval_and_the_next_table_held_gets_chemotherapy_and_alectinib_on_its_label()
    {
        // The NCCN version that first listed adjuvant alectinib is not stored: the last adjuvant table held (chemotherapy)
        // applies until the next one held (v5.2025), and alectinib is offered on its regional label from its approval day
        // (US 2024-04-18, EU 2024-06-06) — never nothing, which left a resected patient with no adjuvant option.
        const string resected = """{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] } }""";
        var us = Cases.Evaluate(resected, new DateOnly(2024, 4, 18));
        Assert.Equal(["platinum-pemetrexed", "alectinib"], us.Options());
        var alectinib = us.SystemicTherapy.Options[1];
        Assert.Equal(FusionGuide.Domain.Preference.CertainCircumstances, alectinib.Preference);
        Assert.Contains("approved in US for adjuvant use after complete resection (approved on 2024-04-18", alectinib.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("no-guideline-table", us.WarningCodes());

        var euBefore = Cases.Evaluate("""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] }, "context": { "region": "EU" } }""", new DateOnly(2024, 6, 5));
        Assert.Equal(["platinum-pemetrexed"], euBefore.Options());

        Assert.Equal("alectinib", Cases.Evaluate(resected).First());
    }

    [Fact]
    public void Adjuvant_alectinib_taken_now_on_its_label_is_continued_not_replaced_by_the_tables_chemotherapy()
    {
        // Probe S22E: between the US approval (2024-04-18) and the next adjuvant table held (2025-06-20) a patient on
        // adjuvant alectinib was told platinum-pemetrexed was preferred.
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] }, "history": [ { "therapy": "alectinib", "start": "2024-06", "stopReason": "ongoing" } ] }""", new DateOnly(2025, 1, 1));

        Assert.Equal(["alectinib"], r.Options());
        Assert.StartsWith("On adjuvant alectinib since 2024-06: continue the adjuvant course as its label sets it out (approved in US", r.SystemicTherapy.Options[0].Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Ongoing_tki_without_progression_is_continued_first()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "alectinib", "start": "2024-01", "stopReason": "ongoing" } ] }""");

        Assert.Equal("alectinib", r.First());
        Assert.Equal("first-line", r.Setting());
        Assert.Contains("SYS-CONT-001", r.Rules());
        Assert.DoesNotContain("alectinib", r.Avoid());
    }

    [Fact]
    public void Oligoprogression_on_alectinib_continues_alectinib_with_sbrt()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2022-01", "stopReason": "progression", "progressionPattern": "oligoprogression" } ],
              "disease": { "sites": ["bone"], "lesionCount": 1 } }
            """);

        Assert.Equal("alectinib", r.First());
        Assert.Contains("sbrt", r.Local());
        Assert.Contains(r.LocalTherapy, l => l.Indication == Domain.LocalIndication.Oligoprogression);
        Assert.Contains("SYS-CONT-002", r.Rules());
        Assert.DoesNotContain("alectinib", r.Avoid());
    }

    [Fact]
    public void Cns_progression_on_crizotinib_switches_tki()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "crizotinib", "start": "2022-01", "stopReason": "progression", "progressionPattern": "cns" } ],
              "disease": { "brainMetastases": { "present": true, "count": 2, "symptomatic": false, "largestMm": 8 }, "sites": ["brain", "bone"] } }
            """);

        Assert.NotEqual("crizotinib", r.First());
        Assert.DoesNotContain("crizotinib", r.Options());
        Assert.Contains("crizotinib", r.Avoid());
        Assert.Equal("subsequent-targeted", r.Setting());
        Assert.Equal(2, r.SystemicTherapy.Line);
        Assert.Contains("SYS-CONT-002", r.Rules());
        Assert.True(Kb.IsTargeted(r.First()!));
    }

    [Fact]
    public void Ongoing_tki_the_site_cannot_obtain_is_not_continued()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "lorlatinib", "start": "2024-01", "stopReason": "ongoing" } ], "context": { "unavailable": ["lorlatinib"] } }""");

        Assert.DoesNotContain("lorlatinib", r.Options());
        Assert.Contains("lorlatinib", r.Avoid());
        Assert.Equal("first-line", r.Setting());
        Assert.Contains(r.First(), new[] { "alectinib", "brigatinib" });
        Assert.Contains(r.Dosing, d => d.Therapy == Domain.Therapy.Lorlatinib);
    }

    [Fact]
    public void Oligoprogression_on_a_tki_the_site_cannot_obtain_moves_to_the_next_line()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2022-01", "stopReason": "progression", "progressionPattern": "oligoprogression" } ],
              "context": { "unavailable": ["alectinib"] } }
            """);

        Assert.DoesNotContain("alectinib", r.Options());
        Assert.Contains("alectinib", r.Avoid());
        Assert.Equal("subsequent-targeted", r.Setting());
        Assert.Equal(2, r.SystemicTherapy.Line);
        Assert.Equal("lorlatinib", r.First());
    }

    [Fact]
    public void History_ending_before_it_starts_is_inconsistent()
    {
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "alectinib", "start": "2024-05", "end": "2023-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }""");

        Assert.Contains("history-inconsistent", r.WarningCodes());
        Assert.Contains(RuleIds.HistoryInconsistent, r.Rules());
    }

    [Theory]
    [InlineData("2021-06", "2021")]
    [InlineData("2021-06-15", "2021-06")]
    [InlineData("2021", "2021-03")]
    public void A_partial_end_date_that_may_fall_after_the_start_is_not_inconsistent(string start, string end)
    {
        // Probe S22A: "2021-06" to "2021" was read at the first day of 2021 and called an end before the start.
        var r = Cases.Evaluate($$"""{ "history": [ { "therapy": "alectinib", "start": "{{start}}", "end": "{{end}}", "stopReason": "progression", "progressionPattern": "systemic" } ] }""");

        Assert.DoesNotContain(r.Warnings, w => w.Code == "history-inconsistent" && w.Message.Contains("before it starts", StringComparison.Ordinal));
    }

    [Fact]
    public void History_ending_after_the_evaluation_date_is_inconsistent()
    {
        const string history = """{ "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }""";

        var before = Cases.Evaluate(history, new DateOnly(2023, 1, 1));
        var sameMonth = Cases.Evaluate(history, new DateOnly(2024, 6, 15));

        Assert.Contains(before.Warnings, w => w.Code == "history-inconsistent" && w.Message.Contains("ends (2024-06) after the evaluation date 2023-01-01"));
        // A month-only end date is read at its earliest day: within that month the stop may already have happened.
        Assert.DoesNotContain("history-inconsistent", sameMonth.WarningCodes());
    }

    [Fact]
    public void Two_ongoing_therapies_are_inconsistent()
    {
        var r = Cases.Evaluate("""
            { "history": [
              { "therapy": "alectinib", "start": "2023-01", "stopReason": "ongoing" },
              { "therapy": "brigatinib", "start": "2024-01", "stopReason": "ongoing" } ] }
            """);

        Assert.Contains("history-inconsistent", r.WarningCodes());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void Tki_in_history_without_an_alk_or_ros1_result_is_inconsistent()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "EGFR", "method": "ngs-dna", "sample": "tissue", "result": "positive" } ],
              "history": [ { "therapy": "alectinib", "start": "2023-01", "end": "2024-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }
            """);

        Assert.Contains("history-inconsistent", r.WarningCodes());
    }

    [Fact]
    public void Resected_stage_iv_is_treated_as_advanced_with_warning()
    {
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IVB", "resected": true }, "disease": { "sites": [] } }""");

        Assert.Contains("stage-inconsistent", r.WarningCodes());
        Assert.Equal("first-line", r.Setting());
    }

    [Fact]
    public void Resected_stage_ib_warns_about_the_size_criterion()
    {
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IB", "resected": true }, "disease": { "sites": [] } }""");

        Assert.Equal("adjuvant", r.Setting());
        Assert.Contains("adjuvant-stage", r.WarningCodes());
    }

    [Fact]
    public void Grade_4_pneumonitis_on_ongoing_alectinib_stops_it_without_advancing_the_line()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2025-01", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "alectinib", "event": "pneumonitis", "grade": 4 } ] }
            """);

        Assert.Contains("alectinib", r.Avoid());
        Assert.DoesNotContain("alectinib", r.Options());
        Assert.Equal("first-line", r.Setting());
    }

    [Fact]
    public void Two_TKIs_whose_dates_overlap_are_flagged_as_an_inconsistent_history()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2021-01", "end": "2024-05", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "lorlatinib", "start": "2023-01", "stopReason": "ongoing" } ] }
            """);

        Assert.Contains(r.Warnings, w => w.Code == "history-inconsistent" && w.Message.Contains("two TKIs overlap", StringComparison.Ordinal));
    }

    [Fact]
    public void A_switch_within_the_same_month_is_not_an_overlap()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "alectinib", "start": "2021-01", "end": "2024-05", "stopReason": "progression", "progressionPattern": "systemic" },
                           { "therapy": "lorlatinib", "start": "2024-05", "stopReason": "ongoing" } ] }
            """);

        Assert.DoesNotContain(r.Warnings, w => w.Code == "history-inconsistent");
    }

    [Fact]
    public void A_CNS_progression_with_no_brain_metastases_recorded_is_flagged()
    {
        var r = Cases.Evaluate("""
            { "disease": { "brainMetastases": { "present": false }, "sites": ["bone"] },
              "history": [ { "therapy": "alectinib", "start": "2022-01", "stopReason": "progression", "progressionPattern": "cns" } ] }
            """);

        Assert.Contains(r.Warnings, w => w.Code == "history-inconsistent" && w.Message.Contains("no brain metastases", StringComparison.Ordinal));
    }
}
