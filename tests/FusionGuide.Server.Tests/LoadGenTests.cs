using System.Text.Json;
using FusionGuide.LoadGen;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

/// <summary>The open-loop load generator (bench/LoadGen) against the real server on Kestrel.</summary>
public sealed class LoadGenTests
{
    [Fact]
    public async Task The_load_generator_counts_every_answer_and_lists_each_acknowledged_request_with_its_audit_record()
    {
        await using var server = await RunningServer.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        // Three valid cases and one the server refuses (400: a case must be a JSON object): every fourth request is an error, never acknowledged.
        var lines = string.Join('\n', new[] { "alk-first-line.json", "alk-g1202r-after-alectinib.json", "ros1-first-line-brain-mets.json" }
            .Select(f => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllBytes(Paths.Example(f))).RootElement)).Append("[1]"));
        var cases = CaseSource.Read(new StringReader(lines));
        var options = new LoadOptions { Url = new Uri(server.BaseAddress, "/v1/recommend"), CasesPath = "-", Rate = 200, Count = 40, WarmupSeconds = 0.02 };
        using var acks = new StringWriter();

        var report = await OpenLoop.RunAsync(options, cases, acks, ct);

        Assert.Equal((40L, 30L, 10L), (report.Sent, report.Ok, report.Errors));
        Assert.Equal(new Dictionary<string, long> { ["200"] = 30, ["400"] = 10 }, report.Statuses);
        Assert.True(report.P50Ms > 0 && report.P50Ms <= report.P99Ms && report.P99Ms <= report.MaxMs);
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.Equal(30, json.RootElement.GetProperty("ok").GetInt64());
        // 44 sent in all (4 warm-up): 33 acknowledged, each naming its own audit record.
        var acknowledged = acks.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(33, acknowledged.Count);
        Assert.All(acknowledged, a => Assert.NotEqual(3, a.GetProperty("i").GetInt64() % 4));
        Assert.Equal(33, acknowledged.Select(a => a.GetProperty("auditId").GetInt64()).Distinct().Count());
        foreach (var a in acknowledged)
        {
            var record = await server.Audit.GetAsync(a.GetProperty("auditId").GetInt64(), ct);
            Assert.Equal(a.GetProperty("caseSha256").GetString(), record?.Entry.CaseSha256);
        }
    }

    [Theory]
    [InlineData("--rate", "100")]
    [InlineData("--cases", "x.ndjson")]
    [InlineData("--cases", "x.ndjson", "--rate", "0")]
    [InlineData("--cases", "x.ndjson", "--rate", "10", "--count")]
    [InlineData("--cases", "x.ndjson", "--rate", "10", "--bogus", "1")]
    public void The_load_generator_refuses_an_incomplete_command_line(params string[] args)
    {
        Assert.False(LoadOptions.TryParse(args, out _, out var problem));
        Assert.NotNull(problem);
    }
}
