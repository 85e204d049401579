using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// #20 item 5: anticoagulants with their own-label standing (P-gp and CYP2C9 substrates typed at load) and the TKIs'
/// rules about them; and SYS-PAT-MED-001 ranking on the interaction stage's two-sided severity.
/// </summary>
public class AnticoagulantInteractionTests
{
    private static Result OnDrugWith(string drug, params string[] medications) => Cases.OnDrugWith(drug, medications);

    private static InteractionRow Row(Result r, Therapy t, string with) => Cases.InteractionRow(r, t, with);

    [Fact]
    public void Lorlatinib_with_apixaban_names_the_induction_and_a_swap()
    {
        var row = Row(OnDrugWith("lorlatinib", "apixaban"), Therapy.Lorlatinib, "apixaban");

        Assert.Equal(Severity.Major, row.Severity);
        Assert.Contains("moderate CYP3A inducer", row.Advice, StringComparison.Ordinal);
        Assert.Contains("pgp-substrate", row.Mechanism!, StringComparison.Ordinal);
        Assert.Contains("Swap: a low-molecular-weight heparin (enoxaparin)", row.Advice, StringComparison.Ordinal);
        Assert.Contains("enoxaparin has no interaction rule with lorlatinib in either label", row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Dabigatran_with_lorlatinib_is_major_from_its_own_label_on_P_gp_inducers()
    {
        var row = Row(OnDrugWith("lorlatinib", "dabigatran"), Therapy.Lorlatinib, "dabigatran");

        Assert.Equal(Severity.Major, row.Severity);
        Assert.Contains("Dabigatran's label", row.Advice, StringComparison.Ordinal);
        Assert.Contains("pgp-inducer (the TKI)", row.Mechanism!, StringComparison.Ordinal);
    }

    [Fact]
    public void Crizotinib_with_dabigatran_is_named_in_crizotinibs_EU_label()
    {
        var row = Row(OnDrugWith("crizotinib", "Pradaxa"), Therapy.Crizotinib, "Pradaxa");

        Assert.Equal(Severity.Moderate, row.Severity);
        Assert.Contains("pl-eu-crizotinib", row.References!);
        Assert.Contains("watch for bleeding", row.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Ceritinib_with_warfarin_asks_for_INR_checks_and_apixaban_gets_its_own_label_dose_advice()
    {
        var r = OnDrugWith("ceritinib", "warfarin", "apixaban");

        // Probe S22B: warfarin is a narrow-margin CYP2C9 substrate, which ceritinib's label says to avoid or dose down; the
        // row was "moderate, check the INR".
        var warfarin = Row(r, Therapy.Ceritinib, "warfarin");
        Assert.Equal(Severity.Major, warfarin.Severity);
        Assert.Contains("INR", warfarin.Advice, StringComparison.Ordinal);
        Assert.Contains("prefer an anticoagulant without this interaction", warfarin.Advice, StringComparison.Ordinal);
        var apixaban = Row(r, Therapy.Ceritinib, "apixaban");
        Assert.Contains("Apixaban's label", apixaban.Advice, StringComparison.Ordinal);
        Assert.Contains("halve apixaban", apixaban.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranking_and_interaction_row_agree_on_two_sided_severity()
    {
        // Lurasidone's own label makes the pair with ceritinib (a strong CYP3A inhibitor) contraindicated, stricter than
        // ceritinib's label; after crizotinib, ceritinib is an option, so both the row and the ranking speak of the pair.
        var r = Cases.Evaluate("""{ "history": [ { "therapy": "crizotinib", "start": "2024-01", "end": "2025-06", "stopReason": "progression" } ], "medications": ["lurasidone"] }""");

        var row = Row(r, Therapy.Ceritinib, "lurasidone");
        Assert.Equal(Severity.Contraindicated, row.Severity);
        var ranking = Assert.Single(r.Trace, t => t.Rule == "SYS-PAT-MED-001" && t.Detail.StartsWith("Ceritinib", StringComparison.Ordinal));
        Assert.Contains($"lurasidone ({Codes.Severity.Code(row.Severity)} interaction, by lurasidone's label)", ranking.Detail, StringComparison.Ordinal);
        Assert.Contains("mims-hk-latuda", ranking.References);
        var ceritinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Ceritinib);
        Assert.Contains("contraindicated interaction, by lurasidone's label", ceritinib.Rationale, StringComparison.Ordinal);
    }
}
