using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Server.Api;
using FusionGuide.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FusionGuide.Server.Tests;

/// <summary>The CDS Hooks service says how a call ended; the server alone decides the HTTP status, and holds one service.</summary>
public sealed class CdsOutcomeStatusTests
{
    [Theory]
    [InlineData(CdsOutcomeKind.Answered, 200)]
    [InlineData(CdsOutcomeKind.InvalidRequest, 400)]
    [InlineData(CdsOutcomeKind.UnknownService, 404)]
    [InlineData(CdsOutcomeKind.PrefetchMissing, 412)]
    public void Each_outcome_has_the_status_CDS_Hooks_gives_it(CdsOutcomeKind kind, int status)
    {
        Assert.Equal(status, CdsHooksEndpoints.StatusOf(kind));
    }

    [Fact]
    public void Every_outcome_kind_has_a_status()
    {
        Assert.All(Enum.GetValues<CdsOutcomeKind>(), kind => Assert.InRange(CdsHooksEndpoints.StatusOf(kind), 200, 499));
    }

    [Fact]
    public void The_server_holds_one_CDS_Hooks_service_for_every_call()
    {
        using var factory = new ApiFactory();
        _ = factory.CreateClient();

        Assert.Same(factory.Services.GetRequiredService<CdsHooksService>(), factory.Services.GetRequiredService<CdsHooksService>());
        SqliteConnection.ClearAllPools();
    }
}
