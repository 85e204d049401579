using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Issue #20 item 5: interactions read from both labels (the stricter wins), practical swaps on the row, the
/// co-medication table that makes "unknown" rare, and a TKI among the co-medications as a history problem.
/// </summary>
public class InteractionTwoSidedTests
{
    private static Result OnDrugWith(string drug, params string[] medications) => Cases.OnDrugWith(drug, medications);

    private static InteractionRow Row(Result r, Therapy t, string with) => Cases.InteractionRow(r, t, with);

    [Fact]
    public void Lurasidone_with_ceritinib_is_contraindicated_from_its_own_label()
    {
        var r = OnDrugWith("ceritinib", "lurasidone");

        var row = Row(r, Therapy.Ceritinib, "lurasidone");
        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.Contains("mims-hk-latuda", row.References!);
        Assert.Contains("label-us-ceritinib", row.References!);
        Assert.Contains("Lurasidone's label", row.Advice, StringComparison.Ordinal);
        Assert.Contains("Ceritinib's label", row.Advice, StringComparison.Ordinal);
        Assert.Contains(RuleIds.InteractionOwnLabel, r.Rules());
    }

    [Fact]
    public void The_stricter_label_comes_first_in_the_advice()
    {
        var row = Row(OnDrugWith("ceritinib", "lurasidone"), Therapy.Ceritinib, "lurasidone");

        Assert.StartsWith("Lurasidone's label: Contraindicated", row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Pimozide_with_crizotinib_is_contraindicated_by_pimozides_label()
    {
        var row = Row(OnDrugWith("crizotinib", "pimozide"), Therapy.Crizotinib, "pimozide");

        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.Contains("cyp3a-moderate-inhibitor (the TKI)", row.Mechanism!, StringComparison.Ordinal);
        Assert.Contains("qt-prolonging (the TKI)", row.Mechanism!, StringComparison.Ordinal);
    }

    [Fact]
    public void Ziprasidone_with_a_QT_prolonging_TKI_is_contraindicated_by_its_own_label()
    {
        var row = Row(OnDrugWith("entrectinib", "ziprasidone"), Therapy.Entrectinib, "ziprasidone");

        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.Contains("pmc-ziprasidone-qtc-table", row.References!);
    }

    [Fact]
    public void A_co_medication_label_without_a_rule_for_the_TKI_class_leaves_the_TKI_label_severity()
    {
        // Lurasidone's label acts on CYP3A inhibitors and inducers; alectinib is neither, and its table has no substrate rule.
        var r = OnDrugWith("alectinib", "lurasidone");

        Assert.DoesNotContain(r.Interactions, i => i.Therapy == Therapy.Alectinib && i.With == "lurasidone");
        Assert.DoesNotContain(RuleIds.InteractionOwnLabel, r.Rules());
    }

    [Fact]
    public void Clarithromycin_row_suggests_azithromycin_and_says_how_azithromycin_fares()
    {
        var row = Row(OnDrugWith("lorlatinib", "clarithromycin"), Therapy.Lorlatinib, "clarithromycin");

        Assert.Contains("Swap: azithromycin", row.Advice, StringComparison.Ordinal);
        Assert.Contains("Check: azithromycin has no interaction rule with lorlatinib in either label", row.Advice, StringComparison.Ordinal);
        Assert.Contains("mims-ph-azithromycin", row.References!);
    }

    [Fact]
    public void A_swap_that_brings_its_own_interaction_says_so()
    {
        // Azithromycin prolongs QT, and so does crizotinib: the swap is not presented as clean.
        var row = Row(OnDrugWith("crizotinib", "clarithromycin"), Therapy.Crizotinib, "clarithromycin");

        Assert.Contains("azithromycin is itself major with crizotinib (qt-prolonging)", row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Atorvastatin_with_ceritinib_suggests_rosuvastatin_or_pravastatin()
    {
        var r = OnDrugWith("ceritinib", "atorvastatin");

        var row = Row(r, Therapy.Ceritinib, "atorvastatin");
        Assert.Contains("rosuvastatin or pravastatin", row.Advice, StringComparison.Ordinal);
        Assert.Contains(RuleIds.InteractionSwap, r.Rules());
    }

    [Fact]
    public void Carbamazepine_with_lorlatinib_stays_contraindicated_and_suggests_levetiracetam()
    {
        var row = Row(OnDrugWith("lorlatinib", "carbamazepine"), Therapy.Lorlatinib, "carbamazepine");

        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.Contains("levetiracetam", row.Advice, StringComparison.Ordinal);
        Assert.Contains("fonkem-2013-levetiracetam", row.References!);
    }

    [Fact]
    public void No_swap_is_written_when_the_pair_does_not_interact_through_the_swaps_classes()
    {
        // Azithromycin with crizotinib meets only crizotinib's QT rule, and azithromycin has no swap of its own.
        var row = Row(OnDrugWith("crizotinib", "azithromycin"), Therapy.Crizotinib, "azithromycin");

        Assert.DoesNotContain("Swap:", row.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dexamethasone")]
    [InlineData("levetiracetam")]
    [InlineData("amoxicillin")]
    [InlineData("ondansetron")]
    [InlineData("pantoprazole")]
    [InlineData("Keppra")]
    [InlineData("rosuvastatin")]
    [InlineData("apixaban")]
    [InlineData("sertraline")]
    [InlineData("micafungin")]
    public void Common_oncology_co_medications_are_known(string medication)
    {
        var r = Cases.Evaluate($$"""{ "medications": ["{{medication}}"] }""");

        Assert.DoesNotContain("unknown-medication", r.WarningCodes());
    }

    [Fact]
    public void Dexamethasone_is_a_known_CYP3A_inducer_not_unknown()
    {
        var r = Cases.Evaluate("""{ "medications": ["dexamethasone"] }""");

        Assert.DoesNotContain("unknown-medication", r.WarningCodes());
        var entry = Assert.Single(r.Trace, t => t.Rule == RuleIds.InteractionNone);
        Assert.Contains("steroid; cyp3a-weak-inducer", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Levetiracetam_is_named_clean_in_the_trace()
    {
        var r = Cases.Evaluate("""{ "medications": ["levetiracetam"] }""");

        var entry = Assert.Single(r.Trace, t => t.Rule == RuleIds.InteractionNone);
        Assert.Contains("antiepileptic; none of the CYP3A, QT, bradycardia or P-gp classes", entry.Detail, StringComparison.Ordinal);
        Assert.Empty(r.Interactions);
    }

    [Theory]
    [InlineData("lorlatinib")]
    [InlineData("Lorbrena")]
    [InlineData("alectinib")]
    public void A_TKI_among_the_co_medications_is_a_history_problem_never_a_self_interaction(string medication)
    {
        var r = OnDrugWith("lorlatinib", medication);

        Assert.Contains("history-inconsistent", r.WarningCodes());
        Assert.Contains(RuleIds.HistoryInconsistent, r.Rules());
        Assert.DoesNotContain(r.Interactions, i => i.With == medication);
        Assert.DoesNotContain("unknown-medication", r.WarningCodes());
        Assert.Contains(r.Warnings, w => w.Code == "history-inconsistent" && w.Message.Contains($"The co-medications list '{medication}'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pair_gets_one_row_with_the_strictest_severity()
    {
        // Clarithromycin with crizotinib: strong CYP3A inhibitor and QT rules of crizotinib's label, one row.
        var r = OnDrugWith("crizotinib", "clarithromycin");

        var row = Row(r, Therapy.Crizotinib, "clarithromycin");
        Assert.Equal(Severity.Major, row.Severity);
        Assert.Contains("cyp3a-strong-inhibitor", row.Mechanism!, StringComparison.Ordinal);
        Assert.Contains("qt-prolonging", row.Mechanism!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_TKI_contraindicated_with_a_co_medication_ranks_after_those_it_is_only_a_major_interaction_for()
    {
        // Lorlatinib is contraindicated with carbamazepine; brigatinib and ensartinib have major pairs with it. All
        // carried one patient-factor weight, so lorlatinib stayed second.
        var r = Cases.Evaluate("""{ "medications": ["carbamazepine"] }""");

        var options = r.Options().ToList();
        Assert.Equal("alectinib", options[0]);
        Assert.True(options.IndexOf("lorlatinib") > options.IndexOf("brigatinib"));
        Assert.True(options.IndexOf("lorlatinib") > options.IndexOf("ensartinib"));
        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Domain.Therapy.Lorlatinib);
        Assert.Contains("whose concern weighs less", lorlatinib.Rationale, StringComparison.Ordinal);
    }
}
