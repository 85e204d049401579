using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// A regional label that sets another dose is followed for a case in that region: alectinib in Japan is 300 mg twice
/// daily for advanced NSCLC (J-ALEX; the JP insert), with no reduced dose — never the US/EU 600 mg and its 450 mg step —
/// while the Japanese adjuvant dose is the US/EU one (600 mg twice daily).
/// </summary>
public sealed class RegionalDosingTests
{
    private static DosingRow AlectinibRow(Result r) => Assert.Single(r.Dosing, d => d.Therapy == Therapy.Alectinib);

    [Fact]
    public void Alectinib_in_Japan_for_advanced_disease_starts_at_300_mg_twice_daily_without_the_US_ladder()
    {
        var r = Cases.Evaluate("""{ "context": { "region": "JP" } }""");

        var row = AlectinibRow(r);
        Assert.StartsWith("300 mg twice daily (JP label", row.Start, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Reductions, x => x.Contains("450 mg", StringComparison.Ordinal));
        Assert.Contains("label-jp-alectinib", row.References!);
    }

    [Fact]
    public void Alectinib_in_the_US_keeps_600_mg_twice_daily()
    {
        var row = AlectinibRow(Cases.Evaluate("""{ "context": { "region": "US" } }"""));

        Assert.StartsWith("600 mg twice daily", row.Start, StringComparison.Ordinal);
        Assert.Equal("450 mg twice daily", row.Reductions[0]);
    }

    [Fact]
    public void Adjuvant_alectinib_in_Japan_is_600_mg_twice_daily()
    {
        var r = Cases.Evaluate("""
            { "tumor": { "histology": "adenocarcinoma", "stage": "IIB", "resected": true }, "context": { "region": "JP" },
              "disease": { "brainMetastases": { "present": false }, "sites": [] } }
            """);

        Assert.Equal(Setting.Adjuvant, r.SystemicTherapy.Setting);
        Assert.StartsWith("600 mg twice daily", AlectinibRow(r).Start, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grade_3_liver_event_on_alectinib_in_Japan_resumes_at_the_Japanese_dose_not_450_mg()
    {
        var r = Cases.Evaluate("""
            { "context": { "region": "JP" },
              "history": [ { "therapy": "alectinib", "start": "2025-01", "stopReason": "ongoing" } ],
              "adverseEvents": [ { "therapy": "alectinib", "event": "alt-ast-elevation", "grade": 3 } ] }
            """);

        var row = Assert.Single(r.ToxicityManagement, t => t.Therapy == Therapy.Alectinib);
        Assert.Contains("300 mg twice daily", row.Dose, StringComparison.Ordinal);
        Assert.DoesNotContain("450 mg", row.Dose, StringComparison.Ordinal);
    }

    [Fact]
    public void Severe_hepatic_impairment_in_Japan_does_not_show_the_US_450_mg_dose_above_the_JP_start()
    {
        // 450 mg twice daily is the US/EU reduction from 600 mg: shown as the Japanese patient's dose it was 1.5 times
        // the JP start of 300 mg twice daily (SAFE-DOSE-005).
        var row = AlectinibRow(Cases.Evaluate("""{ "context": { "region": "JP" }, "comorbidities": ["liver-impairment"] }"""));

        var line = Assert.Single(row.Adjustments!, a => a.StartsWith("liver-impairment", StringComparison.Ordinal));
        Assert.Contains("not this patient's dose", line, StringComparison.Ordinal);
        Assert.Contains("check the JP label", line, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Adjustments!, a => a.Contains(": 450 mg twice daily", StringComparison.Ordinal));
    }

    [Fact]
    public void Severe_hepatic_impairment_in_the_US_shows_450_mg_twice_daily()
    {
        var row = AlectinibRow(Cases.Evaluate("""{ "context": { "region": "US" }, "comorbidities": ["liver-impairment"] }"""));

        Assert.Contains(row.Adjustments!, a => a.Contains(": 450 mg twice daily", StringComparison.Ordinal));
    }
}
