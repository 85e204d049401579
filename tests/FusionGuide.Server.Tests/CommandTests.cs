using System.Text.Json;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Commands;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Tests;

/// <summary>The server's command line: usage errors, <c>audit verify</c> and its exit codes.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly TempDir dir = new("fg-cmd-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    [Theory]
    [InlineData("")]
    [InlineData("launch")]
    [InlineData("audit")]
    [InlineData("audit check")]
    [InlineData("serve --port 80")]
    [InlineData("serve --db")]
    [InlineData("serve --db a.db --postgres Host=x")]
    [InlineData("serve --api-key-file /nonexistent/key")]
    [InlineData("audit verify --urls http://127.0.0.1:1")]
    [InlineData("serve --trust-proxy proxy.example")]
    [InlineData("serve --trust-proxy 10.0.0.0/99")]
    [InlineData("serve --trust-proxy ,")]
    [InlineData("serve --public-url fg.example")]
    [InlineData("serve --public-url ftp://fg.example/")]
    [InlineData("serve --public-url https://fg.example/?x=1")]
    [InlineData("serve --cds-out-of-scope loud")]
    [InlineData("serve --cds-fhir-allow-http yes")]
    [InlineData("serve --cds-report-days 0")]
    [InlineData("serve --cds-report-days 30d")]
    public async Task Usage_mistakes_exit_2_with_a_problem_list(string commandLine)
    {
        var (code, _, stderr) = await Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.True(JsonDocument.Parse(stderr).RootElement.GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_short_api_key_is_refused()
    {
        var key = dir.File("key");
        await File.WriteAllTextAsync(key, "short\n", TestContext.Current.CancellationToken);
        var (code, _, stderr) = await Run("serve", "--api-key-file", key, "--db", dir.File("a.db"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("at least 16", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_on_a_missing_database_is_a_usage_error()
    {
        var (code, _, stderr) = await Run("audit", "verify", "--db", dir.File("none.db"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("no audit database", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("none.db")));
    }

    [Fact]
    public async Task Audit_verify_exits_0_with_the_count_when_intact_and_4_naming_the_record_when_broken()
    {
        var db = dir.File("audit.db");
        await using (var store = new SqliteAuditStore(db))
        {
            for (var n = 1; n <= 3; n++)
            {
                await store.AppendAsync(new AuditEntry("2026-11-24T10:00:00.0000000Z", $"c{n}", new string('a', 64), "2026.11.0", "2026-11-24", "{}"), TestContext.Current.CancellationToken);
            }
        }

        var (code, stdout, _) = await Run("audit", "verify", "--db", db);
        Assert.Equal((ExitCodes.Ok, true), (code, stdout.StartsWith("intact: 3 records", StringComparison.Ordinal)));

        await using (var c = new SqliteConnection($"Data Source={db};Pooling=false"))
        {
            await c.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE audit_record SET kb_version = '2025.1.0' WHERE id = 2";
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        (code, stdout, _) = await Run("audit", "verify", "--db", db);
        Assert.Equal(ExitCodes.ChainBroken, code);
        Assert.StartsWith("broken: record 2:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_0()
    {
        var (code, stdout, _) = await Run("--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("audit verify", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ServerProgram.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
