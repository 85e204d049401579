using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// #20 item 6: every chemotherapy or chemo-immunotherapy option shows its regimen (SAFE-DOSE-003) — doses per cycle,
/// the cycle, the induction cycles, maintenance and premedication, from the drug record's <c>regimen</c> block — and its
/// monitoring rows; the patient's renal caution for pemetrexed stands on the option and on the regimen's row.
/// </summary>
public sealed class ChemotherapyRegimenTests
{
    private static string Progressed(params string[] drugs) =>
        "[" + string.Join(",", drugs.Select((d, i) => $$"""{ "therapy": "{{d}}", "start": "{{2019 + 2 * i}}-01", "end": "{{2020 + 2 * i}}-12", "stopReason": "progression", "progressionPattern": "systemic" }""")) + "]";

    /// <summary>After alectinib and lorlatinib: the post-targeted table offers every chemotherapy regimen.</summary>
    private static Result AfterTwoTkis(string extra = "") =>
        Cases.Evaluate($$"""{ "history": {{Progressed("alectinib", "lorlatinib")}} {{extra}} }""");

    private static DosingRow Row(Result r, Therapy t) => Assert.Single(r.Dosing, d => d.Therapy == t);

    [Fact]
    public void Platinum_pemetrexed_option_names_doses_cycle_and_vitamin_premedication()
    {
        var r = AfterTwoTkis();

        Assert.Contains("platinum-pemetrexed", r.Options());
        var row = Row(r, Therapy.PlatinumPemetrexed);
        // The doses are the knowledge record's, each component with its dose, route and days.
        foreach (var c in Kb.Drug("platinum-pemetrexed")["regimen"]!["components"]!.AsArray())
        {
            Assert.Contains($"{c!["agent"]} {c["dose"]} {c["route"]} {c["days"]}", row.Start, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("every 21 days", row.Start, StringComparison.Ordinal);
        Assert.Contains("4 cycles", row.Start, StringComparison.Ordinal);
        Assert.Contains(row.Premedication!, p => p.StartsWith("Folic acid", StringComparison.Ordinal) && p.Contains("7 days before", StringComparison.Ordinal));
        Assert.Contains(row.Premedication!, p => p.StartsWith("Vitamin B12", StringComparison.Ordinal) && p.Contains("every 3 cycles", StringComparison.Ordinal));
        Assert.Contains(row.Premedication!, p => p.StartsWith("Dexamethasone", StringComparison.Ordinal));
        Assert.StartsWith("Pemetrexed 500 mg/m²", row.Maintenance, StringComparison.Ordinal);
        Assert.Empty(row.Reductions);
        Assert.Contains("SAFE-DOSE-003", r.Rules());
    }

    [Fact]
    public void Every_chemotherapy_option_shows_its_regimen_and_monitoring()
    {
        var r = AfterTwoTkis();
        var chemotherapy = r.SystemicTherapy.Options.Select(o => o.Therapy).Distinct()
            .Where(t => Kb.Drug(Codes.Therapy.Code(t))["regimen"] is not null).ToList();

        Assert.True(chemotherapy.Count >= 3, $"expected the post-targeted chemotherapy regimens, got [{string.Join(", ", r.Options())}]");
        foreach (var t in chemotherapy)
        {
            var row = Row(r, t);
            Assert.Contains("every 21 days", row.Start, StringComparison.Ordinal);
            Assert.Contains(r.Monitoring, m => m.Therapy == t);
            Assert.Contains(r.Trace, e => e.Rule == "SAFE-DOSE-003" && e.Detail.StartsWith(Kb.Drug(Codes.Therapy.Code(t))["name"]!.GetValue<string>(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Pemetrexed_monitoring_asks_for_blood_counts_and_creatinine_clearance_before_each_cycle()
    {
        var rows = AfterTwoTkis().Monitoring.Where(m => m.Therapy == Therapy.PlatinumPemetrexed).ToList();

        Assert.Contains(rows, m => m.Item.StartsWith("Complete blood count", StringComparison.Ordinal) && m.Schedule.StartsWith("before each cycle", StringComparison.Ordinal));
        Assert.Contains(rows, m => m.Item.Contains("45 mL/min", StringComparison.Ordinal));
        Assert.Contains(rows, m => m.Item.Contains("audiometry", StringComparison.Ordinal));
    }

    [Fact]
    public void Chemo_immunotherapy_names_pembrolizumab_dose_maintenance_and_thyroid_monitoring()
    {
        var r = AfterTwoTkis();

        Assert.Contains("chemo-immunotherapy", r.Options());
        var row = Row(r, Therapy.ChemoImmunotherapy);
        Assert.Contains("pembrolizumab 200 mg (or 400 mg every 6 weeks)", row.Start, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("up to 24 months", row.Maintenance, StringComparison.Ordinal);
        Assert.Contains(r.Monitoring, m => m.Therapy == Therapy.ChemoImmunotherapy && m.Item.StartsWith("Thyroid function", StringComparison.Ordinal));
    }

    [Fact]
    public void Docetaxel_row_gives_the_dose_and_steroid_premedication()
    {
        var r = AfterTwoTkis();

        Assert.Contains("docetaxel", r.Options());
        var row = Row(r, Therapy.Docetaxel);
        Assert.StartsWith("Docetaxel 75 mg/m² IV day 1, every 21 days", row.Start, StringComparison.Ordinal);
        Assert.Contains(row.Premedication!, p => p.StartsWith("Dexamethasone", StringComparison.Ordinal));
        Assert.Contains(r.Monitoring, m => m.Therapy == Therapy.Docetaxel && m.Item.Contains("bilirubin", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Renal_impairment_makes_the_pemetrexed_regimens_a_caution_that_names_the_clearance()
    {
        var r = AfterTwoTkis(""", "comorbidities": ["renal-impairment"]""");

        foreach (var t in new[] { Therapy.PlatinumPemetrexed, Therapy.PlatinumPemetrexedBevacizumab, Therapy.ChemoImmunotherapy })
        {
            var option = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == t);
            Assert.Contains("45 mL/min", option.Rationale, StringComparison.Ordinal);
            Assert.Contains(Row(r, t).Adjustments!, a => a.StartsWith("renal-impairment", StringComparison.Ordinal) && a.Contains("45 mL/min", StringComparison.Ordinal));
        }

        // Docetaxel has no renal caution: its row carries none.
        Assert.Null(Row(r, Therapy.Docetaxel).Adjustments);
    }

    [Fact]
    public void Without_renal_impairment_the_regimen_row_has_no_adjustment()
    {
        Assert.Null(Row(AfterTwoTkis(), Therapy.PlatinumPemetrexed).Adjustments);
    }

    [Theory]
    [InlineData("""{ "histology": "squamous", "stage": "IVB" }""")]
    [InlineData("""{ "histology": "adenocarcinoma", "stage": "IVB", "transformation": "squamous" }""")]
    public void Squamous_disease_is_not_dosed_with_the_pemetrexed_chemo_immunotherapy_regimen(string tumor)
    {
        var r = AfterTwoTkis($$""", "tumor": {{tumor}}""");

        Assert.Contains("chemo-immunotherapy", r.Options());
        var row = Row(r, Therapy.ChemoImmunotherapy);
        // KEYNOTE-189's pemetrexed is for non-squamous disease: the row names KEYNOTE-407's regimen and gives no
        // pemetrexed dose, pemetrexed premedication or pemetrexed maintenance.
        Assert.DoesNotContain("500 mg/m²", row.Start, StringComparison.Ordinal);
        Assert.Contains("KEYNOTE-407", row.Start, StringComparison.Ordinal);
        Assert.Contains("carboplatin and either paclitaxel or nab-paclitaxel", row.Start, StringComparison.Ordinal);
        Assert.Null(row.Premedication);
        Assert.Null(row.Maintenance);
        Assert.Contains("keynote-407-2018", row.References!);
        Assert.Contains(r.Trace, e => e.Rule == "SAFE-DOSE-003" && e.Detail.Contains("is not given in", StringComparison.Ordinal) && e.Detail.Contains("squamous", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "histology": "squamous", "stage": "IVB" }""")]
    [InlineData("""{ "histology": "adenocarcinoma", "stage": "IVB", "transformation": "squamous" }""")]
    public void Squamous_chemo_immunotherapy_carries_no_pemetrexed_or_cisplatin_caution_or_check(string tumor)
    {
        var r = AfterTwoTkis($$""", "tumor": {{tumor}}, "comorbidities": ["renal-impairment"]""");

        // KEYNOTE-407's regimen has carboplatin and a taxane: the pemetrexed clearance limit and the cisplatin checks
        // written for the non-squamous regimen are not said, and the trace names what was left out.
        var option = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.ChemoImmunotherapy);
        Assert.DoesNotContain("pemetrexed", option.Rationale, StringComparison.OrdinalIgnoreCase);
        Assert.Null(Row(r, Therapy.ChemoImmunotherapy).Adjustments);
        var checks = r.Monitoring.Where(m => m.Therapy == Therapy.ChemoImmunotherapy).ToList();
        Assert.Contains(checks, m => m.Item.StartsWith("Thyroid function", StringComparison.Ordinal));
        Assert.DoesNotContain(checks, m => m.Item.Contains("pemetrexed", StringComparison.Ordinal) || m.Item.Contains("cisplatin", StringComparison.Ordinal));
        Assert.Contains(r.Trace, e => e.Rule == "SAFE-MON-001" && e.Detail.Contains("Not applied in", StringComparison.Ordinal) && e.Detail.Contains("With cisplatin", StringComparison.Ordinal));
        Assert.Contains(r.Trace, e => e.Rule == "SYS-COMORB-001" && e.Detail.Contains("is not said", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_squamous_chemo_immunotherapy_keeps_its_pemetrexed_and_cisplatin_checks()
    {
        var checks = AfterTwoTkis().Monitoring.Where(m => m.Therapy == Therapy.ChemoImmunotherapy).ToList();

        Assert.Contains(checks, m => m.Item.Contains("pemetrexed", StringComparison.Ordinal));
        Assert.Contains(checks, m => m.Item.StartsWith("With cisplatin", StringComparison.Ordinal));
    }

    [Fact]
    public void Before_KEYNOTE_407_was_published_no_squamous_regimen_is_named_from_it()
    {
        var squamousTransformation = $$"""{ "tumor": { "histology": "adenocarcinoma", "stage": "IVB", "transformation": "squamous" }, "history": [ { "therapy": "alectinib", "start": "2016-01", "end": "2018-01", "stopReason": "progression", "progressionPattern": "systemic" } ] }""";

        var before = Row(Cases.Evaluate(squamousTransformation, new DateOnly(2018, 6, 1)), Therapy.ChemoImmunotherapy);
        var after = Row(Cases.Evaluate(squamousTransformation, new DateOnly(2019, 3, 1)), Therapy.ChemoImmunotherapy);

        Assert.StartsWith("Not dosed here", before.Start, StringComparison.Ordinal);
        Assert.DoesNotContain("KEYNOTE-407", before.Start, StringComparison.Ordinal);
        Assert.DoesNotContain("500 mg/m²", before.Start, StringComparison.Ordinal);
        Assert.Contains("KEYNOTE-407", after.Start, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_squamous_disease_keeps_the_pemetrexed_chemo_immunotherapy_regimen()
    {
        var row = Row(AfterTwoTkis(), Therapy.ChemoImmunotherapy);

        Assert.Contains("pemetrexed 500 mg/m²", row.Start, StringComparison.Ordinal);
        Assert.DoesNotContain("KEYNOTE-407", row.Start, StringComparison.Ordinal);
    }

    [Fact]
    public void After_platinum_pemetrexed_a_squamous_transformation_does_not_rule_out_chemo_immunotherapy_as_the_same_chemotherapy()
    {
        // In squamous disease chemo-immunotherapy is carboplatin with a taxane, not the pemetrexed the disease progressed on.
        var r = Cases.Evaluate($$"""{ "tumor": { "histology": "adenocarcinoma", "stage": "IVB", "transformation": "squamous" }, "history": {{Progressed("alectinib", "lorlatinib", "platinum-pemetrexed")}} }""");

        Assert.Contains("chemo-immunotherapy", r.Options());
        Assert.Contains(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.PlatinumPemetrexedBevacizumab);
    }

    [Fact]
    public void A_targeted_first_line_result_has_no_regimen_rows()
    {
        var r = Cases.Evaluate();

        Assert.DoesNotContain(r.Dosing, d => d.Premedication is not null || d.Maintenance is not null);
        Assert.DoesNotContain("SAFE-DOSE-003", r.Rules());
    }
}
