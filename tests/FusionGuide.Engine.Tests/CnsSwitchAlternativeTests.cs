using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-CONT-005: alectinib is continued through CNS-only progression on the premise that local treatment reaches the
/// progressing lesions; leptomeningeal disease, or more lesions than radiosurgery is offered for, puts lorlatinib (the
/// table's preferred TKI after alectinib, with stronger intracranial evidence) beside the continuation.
/// </summary>
public class CnsSwitchAlternativeTests
{
    private static Result CnsProgressionOnAlectinib(string brain, int ecog = 1) => Cases.Evaluate($$"""
        { "patient": { "age": 58, "sex": "female", "smoking": "never", "ecog": {{ecog}} },
          "disease": { "brainMetastases": {{brain}}, "sites": ["brain"] },
          "history": [ { "therapy": "alectinib", "start": "2021-03", "stopReason": "progression", "progressionPattern": "cns" } ] }
        """);

    [Fact]
    public void Leptomeningeal_progression_on_alectinib_shows_lorlatinib_beside_continuation()
    {
        var r = CnsProgressionOnAlectinib("""{ "present": true, "leptomeningeal": true }""");

        Assert.Equal("alectinib", r.First());
        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.Equal(Preference.OtherRecommended, lorlatinib.Preference);
        Assert.StartsWith("Alternative to continuing alectinib: the disease is leptomeningeal", lorlatinib.Rationale, StringComparison.Ordinal);
        Assert.Contains("SYS-CONT-005", r.Rules());
        r.AssertOptionsDisjointFromAvoid();
    }

    [Fact]
    public void More_brain_lesions_than_radiosurgery_treats_show_lorlatinib_beside_continuation()
    {
        var r = CnsProgressionOnAlectinib("""{ "present": true, "count": 12, "symptomatic": true, "largestMm": 25 }""");

        Assert.Equal("alectinib", r.First());
        var lorlatinib = Assert.Single(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Lorlatinib);
        Assert.Contains("12 brain lesions, more than radiosurgery is offered for (10)", lorlatinib.Rationale, StringComparison.Ordinal);
        // The lesions radiosurgery leaves grew on alectinib: the local row does not say alectinib treats them.
        var srs = Assert.Single(r.LocalTherapy, l => l.Therapy == LocalTherapy.Srs);
        Assert.DoesNotContain("which is CNS-active, treats the others", srs.Rationale, StringComparison.Ordinal);
        Assert.Contains("progressed on it", srs.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void At_poor_performance_status_the_lower_radiosurgery_limit_decides()
    {
        // ECOG 3: radiosurgery is offered for up to 4 lesions, so 6 are beyond it.
        var r = CnsProgressionOnAlectinib("""{ "present": true, "count": 6 }""", ecog: 3);

        Assert.Contains("lorlatinib", r.Options());
        Assert.Contains(r.SystemicTherapy.Options, o => o.Rationale.Contains("6 brain lesions, more than radiosurgery is offered for (4)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "present": true, "count": 2, "largestMm": 8 }""")]
    [InlineData("""{ "present": true, "count": 10 }""")]
    [InlineData("""{ "present": true }""")]
    public void CNS_progression_local_treatment_can_reach_only_continues_alectinib(string brain)
    {
        // Within the radiosurgery limit (or a count not given: nothing is assumed) the continuation stands alone.
        var r = CnsProgressionOnAlectinib(brain);

        Assert.Equal("alectinib", r.First());
        Assert.DoesNotContain("lorlatinib", r.Options());
        Assert.DoesNotContain("SYS-CONT-005", r.Rules());
    }
}
