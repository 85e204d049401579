using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SAFE-INT-006: the labels' interaction advice is written for a start ("stop the inducer before starting"); a patient
/// already taking both drugs is told it applies today, and a contraindicated pair taken now is a warning.
/// </summary>
public class InteractionTakenNowTests
{
    [Fact]
    public void Rifampicin_taken_with_lorlatinib_now_is_a_warning_and_the_row_says_act_today()
    {
        var r = Cases.OnDrugWith("lorlatinib", "rifampicin");

        var row = Cases.InteractionRow(r, Therapy.Lorlatinib, "rifampicin");
        Assert.Equal(Severity.Contraindicated, row.Severity);
        Assert.EndsWith("Both are taken now: do not continue both — stop or replace rifampicin with its prescriber, or hold lorlatinib until rifampicin has been stopped and washed out, and look now for the harm named above.", row.Advice, StringComparison.Ordinal);
        var warning = Assert.Single(r.Warnings, w => w.Code == "combination-taken-now");
        Assert.StartsWith("Lorlatinib and rifampicin are both taken now", warning.Message, StringComparison.Ordinal);
        Assert.Contains(RuleIds.InteractionTakenNow, r.Rules());
    }

    [Fact]
    public void A_major_pair_taken_now_says_the_advice_applies_today_without_the_warning()
    {
        var r = Cases.OnDrugWith("brigatinib", "fluconazole");

        var row = Cases.InteractionRow(r, Therapy.Brigatinib, "fluconazole");
        Assert.Equal(Severity.Major, row.Severity);
        Assert.Contains("Both are taken now: this advice applies today", row.Advice, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Warnings, w => w.Code == "combination-taken-now");
    }

    [Fact]
    public void A_pair_with_a_drug_not_yet_started_keeps_the_start_advice_only()
    {
        // First line, nothing taken yet: lorlatinib is an option, rifampicin the co-medication.
        var r = Cases.Evaluate("""{ "medications": ["rifampicin"] }""");

        Assert.All(r.Interactions, i => Assert.DoesNotContain("Both are taken now", i.Advice, StringComparison.Ordinal));
        Assert.DoesNotContain(r.Warnings, w => w.Code == "combination-taken-now");
        Assert.DoesNotContain(RuleIds.InteractionTakenNow, r.Rules());
    }

    [Theory]
    [InlineData("alectinib", "raise the exposure of digoxin")]
    [InlineData("crizotinib", "raise the exposure of digoxin")]
    [InlineData("lorlatinib", "lower the exposure of digoxin")]
    public void Digoxin_rows_carry_the_P_gp_exposure_change_beside_the_heart_rate_advice(string drug, string exposure)
    {
        // The labels (EU leaflets: digoxin beside dabigatran; Chen 2024 for lorlatinib's P-gp induction) change digoxin's
        // exposure; a rule naming digoxin replaces the bradycardic class rule, so it keeps that advice and its severity.
        var r = Cases.OnDrugWith(drug, "digoxin");

        var row = Cases.InteractionRow(r, Enum.Parse<Therapy>(drug, ignoreCase: true), "digoxin");
        Assert.Contains(exposure, row.Advice, StringComparison.Ordinal);
        Assert.Contains("check digoxin levels", row.Advice, StringComparison.Ordinal);
        Assert.Contains(drug == "lorlatinib" ? "ECG" : "heart-rate-lowering", row.Advice, StringComparison.Ordinal);
        Assert.Equal(drug == "crizotinib" ? Severity.Major : Severity.Moderate, row.Severity);
    }
}
