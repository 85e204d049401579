using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Issue #17 items 3–4 on interaction rows: a class member or a label rule whose sources disagree (a <c>disputed</c>
/// block) names the disagreement on the interaction row it decides, as resistance cells and guideline entries do on
/// theirs; and a medication whose class is disputed still gets a row when no rule applies at its recorded class, so the
/// other reading is not lost.
/// </summary>
public sealed class InteractionDisputeTests
{
    /// <summary>The summary of the <c>disputed</c> block of a class member, as the knowledge file holds it.</summary>
    private static string MemberDispute(string classFile, string member) =>
        Kb.File($"interactions/classes/{classFile}.json")["members"]!.AsArray()
            .Single(m => m!["name"]!.GetValue<string>() == member)!["disputed"]!["summary"]!.GetValue<string>();

    private static string Sentence(string summary) => $"Sources disagree: {summary.TrimEnd('.')}.";

    [Fact]
    public void Disputed_class_member_names_the_disagreement_on_its_interaction_row()
    {
        var row = Cases.InteractionRow(Cases.OnDrugWith("lorlatinib", "rifapentine"), Therapy.Lorlatinib, "rifapentine");

        // The row keeps the recorded (stricter) class's rule and says the sources disagree about the class.
        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.Contains(Sentence(MemberDispute("cyp3a-strong-inducers", "rifapentine")), row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_member_whose_sources_agree_says_nothing_of_a_disagreement()
    {
        var row = Cases.InteractionRow(Cases.OnDrugWith("lorlatinib", "rifampin"), Therapy.Lorlatinib, "rifampin");

        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.DoesNotContain("Sources disagree", row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Disputed_label_rule_names_the_disagreement_on_its_interaction_row()
    {
        var engine = EditedKnowledge.Engine(("interactions/drugs/lorlatinib-interactions.json", table =>
        {
            var rule = table["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "lorlatinib-strong-inducer")!.AsObject();
            rule["disputed"] = Dispute("one reading says contraindicated, another says avoid");
        }));

        var r = EditedKnowledge.Evaluate(engine, """{ "history": [ { "therapy": "lorlatinib", "start": "2025-01", "stopReason": "ongoing" } ], "medications": ["carbamazepine"] }""");

        var row = Cases.InteractionRow(r, Therapy.Lorlatinib, "carbamazepine");
        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.Contains("Sources disagree: one reading says contraindicated, another says avoid.", row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Disputed_class_without_a_rule_at_its_recorded_strength_still_gets_a_row_naming_the_disagreement()
    {
        // Rifabutin is recorded as a moderate CYP3A inducer; crizotinib's table acts on strong inducers only, while two
        // TKI labels call rifabutin strong. The pair is not silently clean.
        var r = Cases.OnDrugWith("crizotinib", "rifabutin");

        var row = Cases.InteractionRow(r, Therapy.Crizotinib, "rifabutin");
        Assert.Equal(Severity.Minor, row.Severity);
        Assert.StartsWith("Neither label has a rule for rifabutin as recorded (cyp3a-moderate-inducer).", row.Advice, StringComparison.Ordinal);
        Assert.Contains(Sentence(MemberDispute("cyp3a-moderate-inducers", "rifabutin")), row.Advice, StringComparison.Ordinal);
        Assert.Contains(r.Trace, t => t.Rule == RuleIds.InteractionNone && t.Detail.Contains("rifabutin", StringComparison.Ordinal));
    }

    [Fact]
    public void Medication_whose_own_record_is_disputed_gets_a_row_naming_the_disagreement()
    {
        var summary = Kb.File("interactions/comedications/dexamethasone.json")["disputed"]!["summary"]!.GetValue<string>();

        var row = Cases.InteractionRow(Cases.OnDrugWith("lorlatinib", "dexamethasone"), Therapy.Lorlatinib, "dexamethasone");

        Assert.Equal(Severity.Minor, row.Severity);
        Assert.Contains(Sentence(summary), row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_medication_without_a_rule_or_a_dispute_still_has_no_row()
    {
        var r = Cases.OnDrugWith("lorlatinib", "amoxicillin");

        Assert.DoesNotContain(r.Interactions, i => i.With == "amoxicillin");
        Assert.Contains(r.Trace, t => t.Rule == RuleIds.InteractionNone && t.Detail.Contains("amoxicillin", StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject Dispute(string summary) => new()
    {
        ["summary"] = summary,
        ["positions"] = new JsonArray(Position("contraindicated"), Position("avoid")),
    };

    private static JsonObject Position(string value) => new()
    {
        ["value"] = value,
        ["evidence"] = new JsonArray(new JsonObject
        {
            ["reference"] = "label-us-lorlatinib",
            ["locator"] = "§7.1",
            ["url"] = "https://pfizermedicalinformation.com/lorbrena/drug-interactions",
            ["retrieved"] = "2026-12-06",
            ["says"] = $"The label's reading: {value}.",
        }),
    };
}
