using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Issue #17 items 3–4 on interaction rows: a class member or a label rule whose sources disagree (a <c>disputed</c>
/// block) names the disagreement on the interaction row it decides, as resistance cells and guideline entries do on
/// theirs; and a medication whose class is disputed still gets a row when no rule applies at its recorded class, so the
/// other reading is not lost. The disputes are written into a copy of the knowledge base (whatever the shipped
/// records say), except dexamethasone's, read from its record.
/// </summary>
public sealed class InteractionDisputeTests
{

    /// <summary>The knowledge base with a dispute on efavirenz (moderate CYP3A inducer), carbamazepine (strong) and lorlatinib's strong-inducer rule.</summary>
    private static readonly Lazy<FusionEngine> Disputed = new(() => EditedKnowledge.Engine(
        ("interactions/classes/cyp3a-moderate-inducers.json", c => EditedKnowledge.ClassMember(c, "efavirenz")["disputed"] = Dispute("efavirenz is moderate in one table, strong in another", "label-us-lorlatinib")),
        ("interactions/classes/cyp3a-strong-inducers.json", c => EditedKnowledge.ClassMember(c, "carbamazepine")["disputed"] = Dispute("carbamazepine is strong in one table, moderate in another", "label-us-lorlatinib")),
        ("interactions/drugs/lorlatinib-interactions.json", t => t["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "lorlatinib-strong-inducer")!["disputed"] =
            Dispute("one reading says contraindicated, another says avoid", "label-us-lorlatinib"))));

    private static Result OnDrugWith(string drug, string med, string? tests = null) => EditedKnowledge.Evaluate(Disputed.Value,
        $$"""{ "history": [ { "therapy": "{{drug}}", "start": "2025-01", "stopReason": "ongoing" } ], "medications": ["{{med}}"] {{tests}} }""");

    [Fact]
    public void Disputed_class_member_and_rule_name_the_disagreement_on_their_interaction_row()
    {
        var row = Cases.InteractionRow(OnDrugWith("lorlatinib", "carbamazepine"), Therapy.Lorlatinib, "carbamazepine");

        // The row keeps the recorded class's rule and says the sources disagree about the class and about the rule.
        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.Contains("Sources disagree: carbamazepine is strong in one table, moderate in another.", row.Advice, StringComparison.Ordinal);
        Assert.Contains("Sources disagree: one reading says contraindicated, another says avoid.", row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_member_whose_sources_agree_says_nothing_of_a_disagreement()
    {
        var row = Cases.InteractionRow(OnDrugWith("lorlatinib", "phenytoin"), Therapy.Lorlatinib, "phenytoin");

        // lorlatinib's strong-inducer rule is disputed in this copy; phenytoin's membership is not.
        Assert.DoesNotContain("phenytoin is", row.Advice, StringComparison.Ordinal);
        var plain = Cases.InteractionRow(Cases.OnDrugWith("lorlatinib", "rifampin"), Therapy.Lorlatinib, "rifampin");
        Assert.DoesNotContain("Sources disagree", plain.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Disputed_class_without_a_rule_at_its_recorded_strength_still_gets_a_row_naming_the_disagreement()
    {
        // Crizotinib's table acts on strong CYP3A inducers only; efavirenz is recorded moderate, and disputed.
        var r = OnDrugWith("crizotinib", "efavirenz");

        var row = Cases.InteractionRow(r, Therapy.Crizotinib, "efavirenz");
        Assert.Equal(Severity.Minor, row.Severity);
        Assert.Equal("Neither label has a rule for efavirenz as recorded (cyp3a-moderate-inducer). Sources disagree: efavirenz is moderate in one table, strong in another.", row.Advice);
        Assert.Contains(r.Trace, t => t.Rule == RuleIds.InteractionNone && t.Detail.Contains("Sources disagree: efavirenz", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_dispute_the_same_pair_has_no_row()
    {
        var r = Cases.OnDrugWith("crizotinib", "efavirenz");

        Assert.DoesNotContain(r.Interactions, i => i.With == "efavirenz");
    }

    [Fact]
    public void Medication_whose_own_record_is_disputed_gets_a_row_naming_the_disagreement()
    {
        // Dexamethasone's co-medication record places it among the weak CYP3A inducers (no TKI rule), disputed.
        var summary = Kb.File("interactions/comedications/dexamethasone.json")["disputed"]!["summary"]!.GetValue<string>();

        var row = Cases.InteractionRow(Cases.OnDrugWith("lorlatinib", "dexamethasone"), Therapy.Lorlatinib, "dexamethasone");

        Assert.Equal(Severity.Minor, row.Severity);
        Assert.Contains($"Sources disagree: {summary.TrimEnd('.')}.", row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_medication_without_a_rule_or_a_dispute_still_has_no_row()
    {
        var r = Cases.OnDrugWith("lorlatinib", "amoxicillin");

        Assert.DoesNotContain(r.Interactions, i => i.With == "amoxicillin");
        Assert.Contains(r.Trace, t => t.Rule == RuleIds.InteractionNone && t.Detail.Contains("amoxicillin", StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject Dispute(string summary, string reference) => new()
    {
        ["summary"] = summary,
        ["positions"] = new JsonArray(Position("one reading", reference), Position("the other reading", reference)),
    };

    private static JsonObject Position(string value, string reference) => new()
    {
        ["value"] = value,
        ["evidence"] = new JsonArray(new JsonObject
        {
            ["reference"] = reference,
            ["locator"] = "§7",
            ["url"] = "https://pfizermedicalinformation.com/lorbrena/drug-interactions",
            ["retrieved"] = "2026-12-06",
            ["says"] = $"The test's {value}.",
        }),
    };
}
