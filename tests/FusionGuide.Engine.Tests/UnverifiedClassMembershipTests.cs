using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Issue #17 (session 6): an interaction row decided through a class rests on the fact that places the medication — or
/// the TKI — in that class as much as on the label's rule. When that fact is unverified (a class-file entry, or the
/// co-medication's own record listing the class), the unverified-knowledge warning counts it and its trace entry
/// KB-UNVERIFIED-001 names it by its knowledge id, as <c>kb audit</c> lists it; <c>kb audit --cohort</c> counts it through
/// the same <see cref="FusionEngine.EvaluateNamingUnverified"/>. The facts are made unverified in a copy of the knowledge
/// base, so the tests hold whatever the shipped records say.
/// </summary>
public sealed class UnverifiedClassMembershipTests
{
    /// <summary>
    /// A copy in which ketoconazole's entry among the strong CYP3A inhibitors, ceritinib's entry in the same class,
    /// clarithromycin's own co-medication record and azithromycin's entry among the QT-prolonging drugs are unverified;
    /// itraconazole's entry and record stay as shipped.
    /// </summary>
    private static readonly Lazy<FusionEngine> Edited = new(() => EditedKnowledge.Engine(
        ("interactions/classes/cyp3a-strong-inhibitors.json", c =>
        {
            Unverify(EditedKnowledge.ClassMember(c, "ketoconazole"));
            Unverify(EditedKnowledge.ClassMember(c, "ceritinib"));
        }),
        ("interactions/comedications/clarithromycin.json", Unverify),
        ("interactions/classes/qt-prolonging.json", c => Unverify(EditedKnowledge.ClassMember(c, "azithromycin")))));

    private static (Result Result, IReadOnlyList<string> Unverified) OnDrugWith(string drug, string med)
    {
        var (c, _) = Cases.Read(Cases.Json($$"""{ "history": [ { "therapy": "{{drug}}", "start": "2025-01", "stopReason": "ongoing" } ], "medications": ["{{med}}"] }"""));
        return Edited.Value.EvaluateNamingUnverified(c);
    }

    private static string UnverifiedTrace(Result r) => Assert.Single(r.Trace, t => t.Rule == RuleIds.Unverified).Detail;

    [Fact]
    public void Row_decided_by_an_unverified_class_member_names_it_in_the_unverified_warning()
    {
        var (r, unverified) = OnDrugWith("lorlatinib", "ketoconazole");

        // The row comes from lorlatinib's strong-CYP3A-inhibitor rule, through ketoconazole's place in that class.
        Assert.Contains("cyp3a-strong-inhibitor", Cases.InteractionRow(r, Therapy.Lorlatinib, "ketoconazole").Mechanism, StringComparison.Ordinal);
        Assert.Contains("cyp3a-strong-inhibitors/ketoconazole", unverified);
        Assert.Contains("cyp3a-strong-inhibitors/ketoconazole", UnverifiedTrace(r), StringComparison.Ordinal);
        Assert.Contains(r.Warnings, w => w.Code == WarningCodes.UnverifiedKnowledge.Code);
    }

    [Fact]
    public void Row_decided_by_a_verified_class_member_does_not_name_it()
    {
        // Preconditions: itraconazole's entry and its own record are verified in this copy.
        var kb = Edited.Value.KnowledgeBase;
        Assert.True(kb.ClassMember(Knowledge.Model.InteractionClassCode.Cyp3aStrongInhibitor, "itraconazole")!.Provenance!.Verified);
        Assert.True(kb.Comedication("itraconazole")!.Provenance.Verified);

        var (r, unverified) = OnDrugWith("lorlatinib", "itraconazole");

        Assert.Contains("cyp3a-strong-inhibitor", Cases.InteractionRow(r, Therapy.Lorlatinib, "itraconazole").Mechanism, StringComparison.Ordinal);
        Assert.DoesNotContain(unverified, id => id.Contains("itraconazole", StringComparison.Ordinal));
        Assert.DoesNotContain(r.Trace, t => t.Rule == RuleIds.Unverified && t.Detail.Contains("itraconazole", StringComparison.Ordinal));
    }

    [Fact]
    public void Row_decided_by_the_co_medications_own_unverified_record_names_the_record()
    {
        // Clarithromycin's record lists it among the strong CYP3A inhibitors (besides its class-file entry).
        var (r, unverified) = OnDrugWith("lorlatinib", "clarithromycin");

        Cases.InteractionRow(r, Therapy.Lorlatinib, "clarithromycin");
        Assert.Contains("clarithromycin", unverified);
        Assert.Contains("clarithromycin", UnverifiedTrace(r), StringComparison.Ordinal);
    }

    [Fact]
    public void Row_decided_by_the_TKIs_unverified_class_member_on_the_co_medications_label_names_it()
    {
        // Lurasidone's own label contraindicates strong CYP3A inhibitors: the row rests on ceritinib being one.
        var (r, unverified) = OnDrugWith("ceritinib", "lurasidone");

        Assert.Equal(Severity.Contraindicated, Cases.InteractionRow(r, Therapy.Ceritinib, "lurasidone").Severity);
        Assert.Contains("cyp3a-strong-inhibitors/ceritinib", unverified);
        Assert.Contains("cyp3a-strong-inhibitors/ceritinib", UnverifiedTrace(r), StringComparison.Ordinal);
    }

    [Fact]
    public void Unverified_class_member_that_decides_no_row_is_not_counted()
    {
        // Ketoconazole is unverified here, but a patient without it is not told about it.
        var (_, unverified) = OnDrugWith("lorlatinib", "itraconazole");

        Assert.DoesNotContain("cyp3a-strong-inhibitors/ketoconazole", unverified);
        Assert.DoesNotContain("cyp3a-strong-inhibitors/ceritinib", unverified);
    }

    /// <summary>Marks a fact unverified, as a record without evidence is written (docs/knowledge-format.md).</summary>
    [Fact]
    public void A_swap_check_resting_on_an_unverified_class_member_names_it()
    {
        // Clarithromycin with crizotinib: the swap to azithromycin is checked against crizotinib, and the check says
        // azithromycin is itself major (QT) — through azithromycin's place among the QT-prolonging drugs.
        var (r, unverified) = OnDrugWith("crizotinib", "clarithromycin");

        Assert.Contains("azithromycin is itself major with crizotinib (qt-prolonging)", Cases.InteractionRow(r, Therapy.Crizotinib, "clarithromycin").Advice, StringComparison.Ordinal);
        Assert.Contains("qt-prolonging/azithromycin", unverified);
        Assert.Contains("qt-prolonging/azithromycin", UnverifiedTrace(r), StringComparison.Ordinal);
    }

    private static void Unverify(JsonObject fact)
    {
        fact["verified"] = false;
        fact.Remove("evidence");
        fact.Remove("evidenceLevel");
        fact["verificationNote"] = "Made unverified for this test.";
    }
}
