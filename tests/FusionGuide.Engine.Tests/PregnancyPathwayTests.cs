using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>#20 item 1: a pregnant patient gets the pregnancy pathway (SYS-PREG-001, SAFE-PREG-001), not the standard list.</summary>
public class PregnancyPathwayTests
{
    private const string PathwayRule = "SYS-PREG-001";

    private const string Pregnant = """{ "comorbidities": ["pregnancy"] }""";

    [Fact]
    public void Pregnant_patient_with_first_line_ALK_gets_the_pregnancy_pathway_not_the_standard_list()
    {
        var r = Cases.Evaluate(Pregnant);

        Assert.Equal("platinum-pemetrexed", r.First());
        Assert.Contains(PathwayRule, r.Rules());
        var tkis = r.SystemicTherapy.Options.Where(o => Kb.IsTargeted(o.Therapy.Code())).ToList();
        Assert.NotEmpty(tkis);
        Assert.All(tkis, o => Assert.Contains("counselled consent", o.Rationale, StringComparison.Ordinal));
        Assert.All(tkis, o => Assert.Contains("onkopedia-pregnancy-2022", o.References));
        var doublet = r.SystemicTherapy.Options[0];
        Assert.Contains("second trimester", doublet.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pregnant_patient_is_not_given_the_caution_written_for_patients_who_may_become_pregnant()
    {
        // The drugs' pregnancy cautions advise contraception for patients of reproductive potential; for a pregnant
        // patient the pathway step and each drug's embryo-fetal label line say what applies.
        var r = Cases.Evaluate(Pregnant);

        Assert.All(r.SystemicTherapy.Options, o =>
        {
            Assert.DoesNotContain("advise effective contraception", o.Rationale, StringComparison.Ordinal);
            Assert.DoesNotContain("contraception required", o.Rationale, StringComparison.Ordinal);
        });
        Assert.Contains(r.Trace, t => t.Rule == "SYS-COMORB-001" && t.Detail.Contains("pregnancy pathway (SYS-PREG-001) says what applies", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_pregnancy_first_line_ALK_keeps_the_standard_list()
    {
        var r = Cases.Evaluate();

        Assert.True(Kb.IsTargeted(r.First()!));
        Assert.DoesNotContain("platinum-pemetrexed", r.Options());
        Assert.DoesNotContain(PathwayRule, r.Rules());
    }

    [Fact]
    public void Pregnancy_warning_asks_for_obstetric_input_and_says_gestational_age_is_missing_and_no_breastfeeding()
    {
        var r = Cases.Evaluate(Pregnant);

        var w = Assert.Single(r.Warnings, w => w.Code == "pregnancy");
        Assert.Contains("maternal-fetal medicine", w.Message, StringComparison.Ordinal);
        Assert.Contains("gestational age is not in the case", w.Message, StringComparison.Ordinal);
        Assert.Contains("No breastfeeding", w.Message, StringComparison.Ordinal);
        // The embryo-fetal wording comes from the drug records' pregnancy cautions, with their label sources.
        Assert.Contains(r.Trace, t => t.Rule == RuleIds.Pregnancy && t.References.Contains("label-us-lorlatinib"));
    }

    [Fact]
    public void Pregnant_patient_with_squamous_histology_gets_no_pemetrexed_doublet_but_flagged_TKIs()
    {
        var r = Cases.Evaluate("""{ "comorbidities": ["pregnancy"], "tumor": { "histology": "squamous", "stage": "IVB" } }""");

        Assert.DoesNotContain("platinum-pemetrexed", r.Options());
        Assert.All(r.SystemicTherapy.Options.Where(o => Kb.IsTargeted(o.Therapy.Code())),
            o => Assert.Contains("counselled consent", o.Rationale, StringComparison.Ordinal));
    }

    [Fact]
    public void Pregnant_patient_at_poor_performance_status_gets_no_added_chemotherapy()
    {
        var r = Cases.Evaluate("""{ "comorbidities": ["pregnancy"], "patient": { "ecog": 3 } }""");

        Assert.DoesNotContain("platinum-pemetrexed", r.Options());
        Assert.True(Kb.IsTargeted(r.First()!));
    }
}
