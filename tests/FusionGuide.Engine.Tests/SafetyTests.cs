using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>Label toxicity actions, dosing and drug interactions, checked against the knowledge files.</summary>
public class SafetyTests
{
    private static readonly string[] AllEvents = [.. Codes.AdverseEventCode.Values.Select(v => Codes.AdverseEventCode.Code(v))];

    /// <summary>Every (drug, event, grade, action) the toxicity tables hold, for rules in force on the release date.</summary>
    public static TheoryData<string, string, int, string> LabelRules()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var table in Kb.Folder("toxicity"))
        {
            var drug = table["drug"]!.GetValue<string>();
            foreach (var rule in table["rules"]!.AsArray().Where(r => Kb.InForce(r!, Kb.ReleaseDate)))
            {
                foreach (var grade in rule!["grades"]!.AsArray())
                {
                    data.Add(drug, rule["event"]!.GetValue<string>(), grade!.GetValue<int>(), rule["action"]!.GetValue<string>());
                }
            }
        }

        return data;
    }

    /// <summary>Drugs whose label has a general ("other") rule, with an event the label does not name and a grade that rule covers.</summary>
    public static TheoryData<string, string, int, string> GeneralRules()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var table in Kb.Folder("toxicity"))
        {
            var rules = table["rules"]!.AsArray().Where(r => Kb.InForce(r!, Kb.ReleaseDate)).ToList();
            var named = rules.Select(r => r!["event"]!.GetValue<string>()).ToHashSet();
            var unnamed = AllEvents.First(e => !named.Contains(e) && e != "other");
            foreach (var other in rules.Where(r => r!["event"]!.GetValue<string>() == "other"))
            {
                data.Add(table["drug"]!.GetValue<string>(), unnamed, other!["grades"]!.AsArray()[0]!.GetValue<int>(), other["action"]!.GetValue<string>());
            }
        }

        return data;
    }

    private static string OnDrug(string drug, string more = "")
    {
        var tests = Kb.Targets(drug).Contains("ALK") ? "" : $", \"tests\": {Cases.Ros1Tests}";
        return $$"""{ "history": [ { "therapy": "{{drug}}", "start": "2025-01", "stopReason": "ongoing" } ] {{tests}} {{more}} }""";
    }

    private static string Event(string drug, string ev, int grade) =>
        OnDrug(drug, $$""", "adverseEvents": [ { "therapy": "{{drug}}", "event": "{{ev}}", "grade": {{grade}} } ]""");

    [Theory]
    [MemberData(nameof(LabelRules))]
    public void Adverse_event_gets_exactly_the_label_action(string drug, string ev, int grade, string action)
    {
        var r = Cases.Evaluate(Event(drug, ev, grade));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(drug, row.Therapy.Code());
        Assert.Equal(ev, Codes.AdverseEventCode.Code(row.Event));
        Assert.Equal(grade, row.Grade);
        Assert.Equal(action, Codes.ToxicityAction.Code(row.Action));
        Assert.Contains(RuleIds.ToxicityRule, r.Rules());
        if (action == "discontinue")
        {
            Assert.Null(row.Dose);
            Assert.Contains(drug, r.Avoid());
        }
    }

    [Theory]
    [MemberData(nameof(GeneralRules))]
    public void Event_the_label_does_not_name_gets_its_general_rule(string drug, string ev, int grade, string action)
    {
        var r = Cases.Evaluate(Event(drug, ev, grade));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(action, Codes.ToxicityAction.Code(row.Action));
        // Said as what the knowledge base holds, not as a claim about the label (whose tables are not all read, #17).
        Assert.StartsWith("No ", row.Rule, StringComparison.Ordinal);
        Assert.Contains($"label is recorded in the knowledge base; the label's general rule for grade {grade}", row.Rule, StringComparison.Ordinal);
        Assert.Contains(RuleIds.ToxicityGeneral, r.Rules());
    }

    [Fact]
    public void Event_the_label_names_only_at_grade_4_is_not_called_unnamed_at_grade_3()
    {
        // Crizotinib's label rule for visual disturbance is the grade 4 (severe visual loss) row; grade 3 falls to the
        // general rule, and the row must not say the label is silent about vision.
        var r = Cases.Evaluate(Event("crizotinib", "visual-disturbance", 3));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.DoesNotContain("row of the crizotinib label is recorded", row.Rule);
        Assert.Contains("visual disturbance is written for grade 4 only; for grade 3 its general rule", row.Rule);
        Assert.Contains(RuleIds.ToxicityGeneral, r.Rules());
    }

    [Theory]
    [InlineData("alectinib")]
    [InlineData("brigatinib")]
    [InlineData("ceritinib")]
    [InlineData("ensartinib")]
    public void Grade_4_bradycardia_with_a_beta_blocker_resumes_reduced_instead_of_stopping(string drug)
    {
        var r = Cases.Evaluate(OnDrug(drug, $$""", "adverseEvents": [ { "therapy": "{{drug}}", "event": "bradycardia", "grade": 4 } ], "medications": ["metoprolol"] """));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal("hold-then-reduce", Codes.ToxicityAction.Code(row.Action));
        Assert.Contains("metoprolol", row.Rule);
        Assert.DoesNotContain(drug, r.Avoid());
    }

    [Fact]
    public void Life_threatening_bradycardia_on_ensartinib_without_a_contributing_drug_stops_it()
    {
        // The ensartinib row once held and resumed every grade although its own text said a life-threatening episode
        // with no contributing drug is a permanent stop.
        var r = Cases.Evaluate(Event("ensartinib", "bradycardia", 4));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal("discontinue", Codes.ToxicityAction.Code(row.Action));
        Assert.Contains("ensartinib", r.Avoid());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Bradycardia_needing_intervention_on_lorlatinib_resumes_one_level_lower(int grade)
    {
        // Lorlatinib's label has no bradycardia row; its rule for other grade 3-4 reactions resumes one level lower,
        // where the project row once resumed at the same dose.
        var r = Cases.Evaluate(Event("lorlatinib", "bradycardia", grade));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal("hold-then-reduce", Codes.ToxicityAction.Code(row.Action));
        Assert.Contains(r.Dosing.Single(d => d.Therapy.Code() == "lorlatinib").Adjustments ?? [], a => a.Contains("75 mg once daily", StringComparison.Ordinal));
    }

    [Fact]
    public void Symptomatic_grade_2_bradycardia_on_lorlatinib_holds_and_resumes_at_the_same_dose()
    {
        var r = Cases.Evaluate(Event("lorlatinib", "bradycardia", 2));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal("hold", Codes.ToxicityAction.Code(row.Action));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(17)]
    public void A_patient_under_18_is_told_the_indications_and_doses_are_for_adults(int age)
    {
        var r = Cases.Evaluate($$"""{ "patient": { "age": {{age}}, "sex": "female", "smoking": "never", "ecog": 1 } }""");

        Assert.Contains("minor-patient", r.WarningCodes());
        Assert.All(r.Dosing, d => Assert.Contains($"the patient is {age}", d.Caveat ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public void An_adult_of_18_gets_no_minor_patient_warning()
    {
        var r = Cases.Evaluate("""{ "patient": { "age": 18, "sex": "female", "smoking": "never", "ecog": 1 } }""");

        Assert.DoesNotContain("minor-patient", r.WarningCodes());
    }

    [Fact]
    public void Event_without_a_therapy_says_it_was_attributed_to_the_drug_taken_now()
    {
        var r = Cases.Evaluate(OnDrug("lorlatinib", """, "adverseEvents": [ { "event": "hypertriglyceridemia", "grade": 2 } ]"""));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Contains("The event names no therapy: it is attributed to lorlatinib, the therapy taken now.", row.Rule);
    }

    [Fact]
    public void Pneumonitis_on_the_drug_taken_now_is_not_called_pre_existing_lung_disease()
    {
        var r = Cases.Evaluate(Event("brigatinib", "pneumonitis", 2));

        var continued = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy.Code() == "brigatinib");
        Assert.DoesNotContain("re-existing interstitial lung disease", continued.Rationale);
        Assert.Contains(r.Trace, t => t.Rule == "SYS-COMORB-002" && t.Detail.Contains("the toxicity row manages the event", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2, "hold-then-reduce")]
    [InlineData(3, "discontinue")]
    public void Entrectinib_pneumonitis_follows_the_class_default_not_the_label_silent_rule(int grade, string action)
    {
        // The entrectinib label has no pneumonitis row; the label-silent default would continue at grade 2 and resume at
        // full dose after grade 3, which no ALK/ROS1 label allows.
        var r = Cases.Evaluate(Event("entrectinib", "pneumonitis", grade));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(action, Codes.ToxicityAction.Code(row.Action));
        Assert.Contains("Project safety default", row.Rule);
        Assert.NotNull(row.Caveat);
        Assert.Contains(row.Supportive, s => s.Contains("Corticosteroids", StringComparison.Ordinal));
    }

    [Fact]
    public void Grade_5_event_is_reported_with_a_warning()
    {
        var r = Cases.Evaluate(Event("alectinib", "pneumonitis", 5));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(5, row.Grade);
        Assert.Equal(ToxicityAction.Discontinue, row.Action);
        Assert.Contains("grade-5-event", r.WarningCodes());
        Assert.Contains(RuleIds.ToxicityGrade5, r.Rules());
        Assert.DoesNotContain("alectinib", r.Options());
    }

    [Fact]
    public void Lorlatinib_grade_2_cognitive_effects_resume_at_75_mg()
    {
        var r = Cases.Evaluate(Event("lorlatinib", "cognitive-effects", 2));

        var row = Assert.Single(r.ToxicityManagement);
        Assert.Equal(ToxicityAction.HoldThenReduce, row.Action);
        var firstReduction = Kb.Drug("lorlatinib")["dosing"]![0]!["reductions"]![0]!.GetValue<string>();
        Assert.Contains(firstReduction, row.Dose, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_with_no_therapy_and_none_current_is_unattributed()
    {
        var r = Cases.Evaluate("""{ "adverseEvents": [ { "event": "nausea", "grade": 2 } ] }""");

        Assert.Empty(r.ToxicityManagement);
        Assert.Contains("toxicity-unattributed", r.WarningCodes());
        Assert.Contains(RuleIds.ToxicityUnattributed, r.Rules());
    }

    [Fact]
    public void Event_on_a_regimen_without_label_rules_is_warned()
    {
        var r = Cases.Evaluate("""
            { "history": [ { "therapy": "platinum-pemetrexed", "start": "2025-01", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "platinum-pemetrexed", "event": "neutropenia", "grade": 3 } ] }
            """);

        Assert.Contains("no-toxicity-rules", r.WarningCodes());
    }

    public static TheoryData<string, string?> DosingCases() => new()
    {
        { "{}", null },
        { $$"""{ "tests": {{Cases.Ros1Tests}} }""", null },
        { """{ "history": [ { "therapy": "crizotinib", "start": "2017-01", "end": "2018-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }""", null },
        { """{ "history": [ { "therapy": "ceritinib", "start": "2018-06", "stopReason": "ongoing" } ] }""", "2019-01-01" },
        { $$"""{ "tests": [ {{Cases.Ros1Tests[1..^1]}}, {{Cases.ProgressionTest("ROS1", ["G2032R"])}} ], "history": [ { "therapy": "crizotinib", "start": "2021-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }""", null },
        { $$"""{ "tests": [ {{Cases.Ros1Tests[1..^1]}}, {{Cases.ProgressionTest("ROS1", ["L2086F"])}} ], "history": [ { "therapy": "repotrectinib", "start": "2024-01", "end": "2025-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }""", null },
        { """{ "context": { "unavailable": ["alectinib", "brigatinib", "lorlatinib", "ensartinib"] } }""", null },
    };

    [Theory]
    [MemberData(nameof(DosingCases))]
    public void Every_targeted_option_has_the_dosing_in_force(string overrides, string? asOf)
    {
        var on = asOf is null ? Kb.ReleaseDate : DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var r = Cases.Evaluate(overrides, asOf is null ? null : on);

        var targeted = r.Options().Where(Kb.IsTargeted).ToList();
        Assert.NotEmpty(targeted);
        foreach (var drug in targeted)
        {
            var row = Assert.Single(r.Dosing, d => d.Therapy.Code() == drug);
            if (Kb.Drug(drug)["dosingNotRead"] is not null)
            {
                // A drug whose label dose was not read (zidesamtinib): the row says so and doses nothing.
                Assert.StartsWith("not recorded", row.Start, StringComparison.Ordinal);
                Assert.Empty(row.Reductions);
                continue;
            }

            var regimen = Kb.Drug(drug)["dosing"]!.AsArray().First(d => Kb.InForce(d!, on))!;
            Assert.Equal(regimen["start"]!.GetValue<string>(), row.Start);
            Assert.Equal(Kb.Strings(regimen["reductions"]), row.Reductions);
        }
    }

    [Fact]
    public void Ceritinib_dose_before_the_2019_label_change_is_750_mg_fasting()
    {
        // A patient on ceritinib since mid-2018 (no guideline table of that date is encoded, so the dose is read for
        // the therapy taken now).
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "ceritinib", "start": "2018-06", "stopReason": "ongoing" } ] }""", new DateOnly(2019, 1, 1));

        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Ceritinib);
        Assert.Contains("750 mg", row.Start, StringComparison.Ordinal);
    }

    [Fact]
    public void Brigatinib_starts_with_a_7_day_90_mg_lead_in_then_180_mg()
    {
        var r = Cases.Evaluate();

        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Brigatinib);
        Assert.Contains("90 mg", row.Start, StringComparison.Ordinal);
        Assert.Contains("7 days", row.Start, StringComparison.Ordinal);
        Assert.Contains("180 mg", row.Start, StringComparison.Ordinal);
        Assert.Contains("120 mg", row.Reductions[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Repotrectinib_starts_at_160_mg_daily_for_14_days_then_twice_daily()
    {
        var r = Cases.Evaluate($$"""{ "tests": {{Cases.Ros1Tests}} }""");

        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Repotrectinib);
        Assert.Contains("160 mg", row.Start, StringComparison.Ordinal);
        Assert.Contains("14 days", row.Start, StringComparison.Ordinal);
        Assert.Contains("twice daily", row.Start, StringComparison.Ordinal);
    }

    [Fact]
    public void Symptomatic_bradycardia_on_lorlatinib_is_held_for_an_ECG_not_continued()
    {
        // The lorlatinib label has no bradycardia row (it warns of PR prolongation and AV block): grade 2 had fallen to the
        // general rule, "continue".
        var r = Cases.Evaluate(Event("lorlatinib", "bradycardia", 2));

        var row = Assert.Single(r.ToxicityManagement, t => t.Therapy == Therapy.Lorlatinib);
        Assert.Equal(ToxicityAction.Hold, row.Action);
        Assert.Contains(row.Supportive, s => s.StartsWith("12-lead ECG", StringComparison.Ordinal));
        Assert.Contains("AV block", row.Rule, StringComparison.Ordinal);
        Assert.NotNull(row.Caveat);
    }

    [Fact]
    public void Current_therapy_has_a_dosing_row_even_when_stopped_for_toxicity()
    {
        var r = Cases.Evaluate(Event("alectinib", "pneumonitis", 3));

        // The contract keeps a row for the therapy taken now; the row says it is stopped, and its monitoring is not scheduled.
        var row = Assert.Single(r.Dosing, d => d.Therapy == Therapy.Alectinib);
        Assert.StartsWith("Taken now but stopped by this plan", row.Caveat, StringComparison.Ordinal);
        Assert.Contains("do not restart alectinib", row.Caveat, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Monitoring, m => m.Therapy == Therapy.Alectinib);
    }

    [Fact]
    public void Lorlatinib_with_rifampin_is_contraindicated()
    {
        var r = Cases.Evaluate("""{ "medications": ["rifampin"] }""");

        var row = Assert.Single(r.Interactions, i => i.Therapy == Therapy.Lorlatinib && i.With == "rifampin");
        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.Contains("lorlatinib", r.Options());
        Assert.Contains(RuleIds.Interaction, r.Rules());
    }

    [Fact]
    public void Lorlatinib_with_itraconazole_has_an_interaction_row()
    {
        var r = Cases.Evaluate("""{ "medications": ["itraconazole"] }""");

        Assert.Contains(r.Interactions, i => i.Therapy == Therapy.Lorlatinib && i.With == "itraconazole");
    }

    [Fact]
    public void Unknown_medication_is_warned()
    {
        var r = Cases.Evaluate("""{ "medications": ["zzz-not-a-drug"] }""");

        Assert.Contains("unknown-medication", r.WarningCodes());
        Assert.Contains(RuleIds.UnknownMedication, r.Rules());
        Assert.Empty(r.Interactions);
    }

    [Fact]
    public void Brand_name_resolves_to_its_generic()
    {
        var strongInducers = Kb.File(Path.Combine("interactions", "classes", "cyp3a-strong-inducers.json"));
        var rifampin = strongInducers["members"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "rifampin")!;
        Assert.Contains("Rifadin", Kb.Strings(rifampin["aliases"]));

        var r = Cases.Evaluate("""{ "medications": ["Rifadin"] }""");

        var row = Assert.Single(r.Interactions, i => i.Therapy == Therapy.Lorlatinib && i.With == "Rifadin");
        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.DoesNotContain("unknown-medication", r.WarningCodes());
    }

    [Fact]
    public void Interactions_cover_every_targeted_option()
    {
        var r = Cases.Evaluate("""{ "medications": ["itraconazole"] }""");

        foreach (var drug in r.Options().Where(Kb.IsTargeted))
        {
            var rules = Kb.File(Path.Combine("interactions", "drugs", drug + "-interactions.json"))["rules"]!.AsArray();
            var applies = rules.Any(x => Kb.InForce(x!, Kb.ReleaseDate) &&
                (x!["class"]?.GetValue<string>() == "cyp3a-strong-inhibitor" || x["medication"]?.GetValue<string>() == "itraconazole"));
            Assert.Equal(applies, r.Interactions.Any(i => i.Therapy.Code() == drug));
        }
    }
}
