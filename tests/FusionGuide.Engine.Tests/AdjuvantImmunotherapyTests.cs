using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>#20 item 6: adjuvant immunotherapy is avoided, with its reason, in resected ALK/ROS1 disease (SYS-ADJ-002).</summary>
public sealed class AdjuvantImmunotherapyTests
{
    private const string HighPdL1 = """{ "gene": "PD-L1", "method": "ihc", "clone": "22C3", "sample": "tissue", "tps": 80 }""";
    private const string AlkIhc = """{ "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }""";

    [Fact]
    public void Resected_alk_with_high_pd_l1_avoids_adjuvant_immunotherapy_and_says_why()
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] }, "tests": [ {{AlkIhc}}, {{HighPdL1}} ] }""");

        var io = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy);
        Assert.Contains("adjuvant checkpoint-inhibitor", io.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("PD-L1", io.Reason, StringComparison.Ordinal);
        Assert.Contains("alectinib", io.Reason, StringComparison.Ordinal);
        Assert.Contains("SYS-ADJ-002", r.Rules());
        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Therapy == Therapy.ImmunotherapyMonotherapy);
    }

    [Fact]
    public void Resected_alk_without_a_pd_l1_test_does_not_speak_of_a_positive_pd_l1()
    {
        // Found by probing: the untested PD-L1 was read as the enum's default value, which is "positive", so the reason
        // told a patient with no PD-L1 result that "the positive PD-L1 of this tumour does not change this".
        var untested = Cases.Evaluate($$"""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] }, "tests": [ {{AlkIhc}} ] }""");
        var io = Assert.Single(untested.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy);
        Assert.DoesNotContain("positive PD-L1", io.Reason, StringComparison.Ordinal);

        var high = Cases.Evaluate($$"""{ "tumor": { "stage": "IIB", "resected": true }, "disease": { "sites": [] }, "tests": [ {{AlkIhc}}, {{HighPdL1}} ] }""");
        Assert.Contains("the positive PD-L1 of this tumour", Assert.Single(high.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resected_ros1_avoids_adjuvant_immunotherapy_without_naming_alectinib()
    {
        var r = Cases.Evaluate($$"""{ "tumor": { "stage": "IIIA", "resected": true }, "disease": { "sites": [] }, "tests": {{Cases.Ros1Tests}} }""");

        var io = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy);
        Assert.Contains("ROS1", io.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("alectinib", io.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resected_stage_ia_also_states_that_adjuvant_immunotherapy_is_avoided()
    {
        var r = Cases.Evaluate("""{ "tumor": { "stage": "IA", "resected": true }, "disease": { "sites": [] } }""");

        var io = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy);
        // At stage IA no adjuvant therapy is given, so the reason does not point to adjuvant alectinib instead.
        Assert.DoesNotContain("alectinib", io.Reason, StringComparison.Ordinal);
        Assert.Contains("no adjuvant systemic therapy is indicated", io.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_adjuvant_alectinib_was_listed_the_reason_does_not_point_to_it()
    {
        // On 2023-12-01 ALINA was presented but no guideline table listed adjuvant alectinib; the plan offers
        // chemotherapy, so the avoid reason must not call alectinib "the targeted option".
        var r = Cases.Evaluate($$"""{ "tumor": { "stage": "IIIA", "resected": true }, "disease": { "sites": [] }, "tests": [ {{AlkIhc}} ] }""", new DateOnly(2023, 12, 1));

        var io = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy);
        Assert.DoesNotContain("alectinib", io.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(r.SystemicTherapy.Options, o => o.Therapy == Therapy.Alectinib);
        Assert.Contains("no guideline table in force on 2023-12-01 lists an adjuvant ALK TKI", io.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_its_adjuvant_trials_no_adjuvant_immunotherapy_is_avoided_and_later_trials_are_not_cited()
    {
        var alk = $$"""{ "tumor": { "stage": "IIIA", "resected": true }, "disease": { "sites": [] }, "tests": [ {{AlkIhc}} ] }""";

        Assert.DoesNotContain("SYS-ADJ-002", Cases.Evaluate(alk, new DateOnly(2020, 6, 1)).Rules());
        var io = Assert.Single(Cases.Evaluate(alk, new DateOnly(2022, 1, 1)).SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy);
        Assert.Contains("IMpower010", io.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("KEYNOTE-091", io.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Advanced_disease_does_not_fire_the_adjuvant_immunotherapy_rule()
    {
        var r = Cases.Evaluate();

        Assert.DoesNotContain("SYS-ADJ-002", r.Rules());
    }
}
