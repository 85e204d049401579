using System.Net;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Commands;
using FusionGuide.Server.Hosting;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

/// <summary>What an operator relies on: readiness, versions and metrics over HTTP, on a real server.</summary>
public sealed class OperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_is_ready_and_version_names_the_software_knowledge_and_contract()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await Http.Body(ready);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("audit").GetString());

        var version = await Http.Body(await client.GetAsync(new Uri("/version", UriKind.Relative), Ct));
        Assert.Equal(typeof(ServerApp).Assembly.GetName().Version!.ToString(3), version.GetProperty("software").GetString());
        Assert.Equal(Domain.Wire.ContractVersion.Current, version.GetProperty("contract").GetString());
        Assert.False(string.IsNullOrEmpty(version.GetProperty("knowledgeBase").GetString()));
    }

    [Fact]
    public async Task Metrics_expose_request_latency_per_route_audit_latency_queue_depth_cds_outcomes_and_the_knowledge_version()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using (var r = await Http.Post(client, "/v1/recommend", Http.Json(Http.ExampleCase)))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await client.GetAsync(new Uri("/cds-services", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await Http.Post(client, "/cds-services/no-such-service", Http.Json("{}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }

        var kb = (await Http.Body(await client.GetAsync(new Uri("/version", UriKind.Relative), Ct))).GetProperty("knowledgeBase").GetString();
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
        var samples = text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();

        Assert.Contains(samples, l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("http_route=\"/v1/recommend\"", StringComparison.Ordinal));
        Assert.Contains(samples, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("http_route=\"/v1/recommend\"", StringComparison.Ordinal));
        Assert.Contains(samples, l => l.StartsWith("fusionguide_audit_append_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("outcome=\"ok\"", StringComparison.Ordinal));
        Assert.Contains(samples, l => l.StartsWith("fusionguide_audit_queue_depth{", StringComparison.Ordinal));
        Assert.Contains(samples, l => l.StartsWith("fusionguide_cds_hooks_responses_total{", StringComparison.Ordinal) && l.Contains("service=\"discovery\"", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        // An id no service has is counted as "unknown", never as sent (a client cannot create series at will).
        Assert.Contains(samples, l => l.StartsWith("fusionguide_cds_hooks_responses_total{", StringComparison.Ordinal) && l.Contains("service=\"unknown\"", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"404\"", StringComparison.Ordinal));
        Assert.DoesNotContain(samples, l => l.Contains("no-such-service", StringComparison.Ordinal));
        Assert.Contains(samples, l => l.StartsWith("fusionguide_info{", StringComparison.Ordinal) && l.Contains($"knowledge_version=\"{kb}\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_whose_audit_store_cannot_be_opened_exits_1_at_start_naming_the_store()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ServerProgram.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--postgres", "Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=3"], stdout, stderr);
        Assert.Equal(ExitCodes.Internal, code);
        Assert.Contains("the audit store cannot be opened (PostgreSQL)", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}");
    }
}

/// <summary>PostgreSQL stopped under a running server: not ready, and recommendations answer 503, never 500.</summary>
public sealed class DatabaseOutageTests : IClassFixture<PostgresCluster>
{
    private readonly PostgresCluster cluster;

    public DatabaseOutageTests(PostgresCluster cluster)
    {
        this.cluster = cluster;
        Paths.RequireTool(cluster.Available, "PostgreSQL (Debian package postgresql)");
    }

    [Fact]
    public async Task When_PostgreSQL_goes_away_readyz_and_recommend_answer_503_with_a_problem_body()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RunningServer.StartAsync(s => s with { Audit = new AuditStoreOptions(null, cluster.ConnectionString) });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using (var r = await client.GetAsync(new Uri("/readyz", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await Http.Post(client, "/v1/recommend", Http.Json(Http.ExampleCase)))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        await cluster.StopAsync();

        using (var r = await client.GetAsync(new Uri("/readyz", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            var body = await Http.Body(r);
            Assert.Equal("not ready", body.GetProperty("status").GetString());
            Assert.NotEqual("ok", body.GetProperty("checks").GetProperty("audit").GetString());
            Assert.Equal("ok", body.GetProperty("checks").GetProperty("knowledge").GetString());
        }

        using (var r = await Http.Post(client, "/v1/recommend", Http.Json(Http.ExampleCase)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(r.Headers.RetryAfter);
            var problem = await Http.Body(r);
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal("The audit store is unavailable", problem.GetProperty("title").GetString());
            Assert.DoesNotContain("\"recommendations\"", problem.GetRawText(), StringComparison.Ordinal);
        }

        // The liveness check stays OK: the process is alive, only not ready.
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
