using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// SYS-IO-004: while no driver is established, a checkpoint inhibitor waits for the ALK/ROS1 result whatever the PD-L1,
/// and one already being given is a warning.
/// </summary>
public class ImmunotherapyBeforeDriverResultTests
{
    private const string HighPdl1Only = """{ "tests": [ { "gene": "PD-L1", "method": "ihc", "clone": "22C3", "sample": "tissue", "tps": 90 } ] }""";

    [Fact]
    public void High_PD_L1_with_ALK_and_ROS1_untested_avoids_immunotherapy_until_the_result()
    {
        var r = Cases.Evaluate(HighPdl1Only);

        Assert.Equal(Setting.DiagnosticWorkup, r.SystemicTherapy.Setting);
        var avoid = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy);
        Assert.StartsWith("Not before the driver results are settled", avoid.Reason, StringComparison.Ordinal);
        Assert.Contains("A PD-L1 TPS of 90 % does not change this.", avoid.Reason, StringComparison.Ordinal);
        Assert.Contains("lin-2019-io-tki", avoid.References!);
        Assert.Contains("SYS-IO-004", r.Rules());
    }

    [Fact]
    public void A_checkpoint_inhibitor_given_before_the_driver_result_is_a_warning()
    {
        var r = Cases.Evaluate("""
            { "tests": [ { "gene": "PD-L1", "method": "ihc", "clone": "22C3", "sample": "tissue", "tps": 90 } ],
              "history": [ { "therapy": "immunotherapy-monotherapy", "start": "2026-11", "stopReason": "ongoing" } ] }
            """);

        var warning = Assert.Single(r.Warnings, w => w.Code == "prior-immunotherapy");
        Assert.Contains("is being given since 2026-11 while no driver is established", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_first_source_was_published_nothing_is_said()
    {
        var r = Cases.Evaluate(HighPdl1Only, new DateOnly(2014, 6, 1));

        Assert.DoesNotContain(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.ImmunotherapyMonotherapy);
        Assert.DoesNotContain("SYS-IO-004", r.Rules());
    }
}
