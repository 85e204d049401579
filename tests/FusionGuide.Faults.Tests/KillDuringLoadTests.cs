using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FusionGuide.Faults.Tests.Support;
using FusionGuide.Server.Audit;
using FusionGuide.Testing;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Faults.Tests;

/// <summary>
/// Issue #11, load and faults: the real server (a child process on 127.0.0.1) under concurrent load answers exactly
/// what the engine computes in process, with no 5xx; killed with SIGKILL mid-load and restarted on the same audit
/// store, <c>audit verify</c> exits 0 and every acknowledged answer is in the store with its case hash and result.
/// Bounded: <see cref="Kills"/> kills per store, each after 2.5–4 s of load; the two stores run one after the other.
/// </summary>
public sealed partial class KillDuringLoadTests(PostgresCluster postgres) : IClassFixture<PostgresCluster>
{
    private const int Kills = 3;
    private const int Concurrency = 8;
    private const int MinAcksBeforeKill = 40;
    private static readonly TimeSpan MaxLoadPerRound = TimeSpan.FromSeconds(120);

    [Fact(Timeout = 600_000)]
    public async Task Kill_9_during_load_loses_no_acknowledged_audit_record_on_sqlite()
    {
        using var dir = new TempDir("fg-faults-");
        var db = dir.File("audit.db");
        try
        {
            await KillRestartVerifyAsync("sqlite", ["--db", db], new AuditStoreOptions(db, null), TestContext.Current.CancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact(Timeout = 600_000)]
    public async Task Kill_9_during_load_loses_no_acknowledged_audit_record_on_postgresql()
    {
        Paths.RequireTool(postgres.Available, "PostgreSQL (initdb)");
        await KillRestartVerifyAsync("postgresql", ["--postgres", postgres.ConnectionString], new AuditStoreOptions(null, postgres.ConnectionString),
            TestContext.Current.CancellationToken);
    }

    private static async Task KillRestartVerifyAsync(string name, string[] storeArgs, AuditStoreOptions store, CancellationToken ct)
    {
        var pool = CasePool.Cases;
        var acks = new List<Ack>();
        var errors = new List<string>();
        var report = new List<string>();
        long sent = 0, cut = 0, verified = 0;
        // A fixed seed: the kill points are the same on every run (within the load's own timing).
        var random = new Random(11);
        var total = Stopwatch.StartNew();
        var server = await ServerProcess.StartAsync(storeArgs, ct);
        try
        {
            for (var round = 1; round <= Kills; round++)
            {
                var killAfter = TimeSpan.FromSeconds(2.5 + (random.NextDouble() * 1.5));
                var clock = Stopwatch.StartNew();
                await using (var load = LoadDriver.Start(server.BaseAddress, pool, Concurrency, offset: round * 31))
                {
                    while (clock.Elapsed < killAfter || load.Acks.Count < MinAcksBeforeKill)
                    {
                        Assert.True(clock.Elapsed < MaxLoadPerRound,
                            $"{name} round {round}: only {load.Acks.Count} answers in {clock.Elapsed.TotalSeconds:F0} s; errors: {string.Join("; ", load.Errors.Take(5))}\n{server.Output}");
                        await Task.Delay(50, ct);
                    }

                    // The process to kill is the server itself (dotnet running fusionguide-server.dll serve), not a wrapper.
                    var pid = server.Pid;
                    var cmdline = (await File.ReadAllTextAsync($"/proc/{pid}/cmdline", ct)).Split('\0');
                    Assert.Contains(ServerProcess.ServerDll, cmdline);
                    Assert.Contains("serve", cmdline);
                    load.MarkKilled();
                    var exit = await server.KillAsync();
                    var loadSeconds = clock.Elapsed.TotalSeconds;
                    await load.StopAsync();
                    Assert.Equal(128 + 9, exit); // the server process itself died of SIGKILL

                    acks.AddRange(load.Acks);
                    errors.AddRange(load.Errors.Select(e => $"round {round}: {e}"));
                    (sent, cut) = (sent + load.Sent, cut + load.Cut);
                    report.Add($"round {round}: {load.Sent} sent, {load.Acks.Count} acknowledged in {loadSeconds:F1} s " +
                        $"({load.Acks.Count / loadSeconds:F0}/s), SIGKILL to pid {pid} (exit {exit}), {load.Cut} cut by the kill");
                }

                await server.DisposeAsync();
                server = await ServerProcess.StartAsync(storeArgs, ct); // restart on the same store
                verified = await VerifyAsync(name, storeArgs, store, acks, pool, kills: round, $"after kill {round} and restart", report, ct);
            }

            // The restarted server extends the chain the killed ones left.
            await using (var load = LoadDriver.Start(server.BaseAddress, pool, Concurrency, offset: 7))
            {
                while (load.Acks.Count < MinAcksBeforeKill)
                {
                    Assert.True(total.Elapsed < TimeSpan.FromMinutes(9), $"{name}: the restarted server answers too slowly");
                    await Task.Delay(50, ct);
                }

                await load.StopAsync();
                acks.AddRange(load.Acks);
                errors.AddRange(load.Errors.Select(e => $"after the last restart: {e}"));
                sent += load.Sent;
                report.Add($"after the last restart: {load.Sent} sent, {load.Acks.Count} acknowledged");
            }

            verified = await VerifyAsync(name, storeArgs, store, acks, pool, kills: Kills, "at the end", report, ct);
        }
        finally
        {
            await server.DisposeAsync();
        }

        report.Insert(0, $"{name}: {Kills} kills, {sent} requests sent, {acks.Count} acknowledged, {cut} cut by a kill, " +
            $"{verified} records verified, {errors.Count} errors, {total.Elapsed.TotalSeconds:F0} s, " +
            $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        var text = string.Join('\n', report);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        await File.WriteAllTextAsync(Path.Combine(Paths.Artifacts, $"faults-{name}.txt"), text + "\n", CancellationToken.None);
        Assert.True(errors.Count == 0, $"{errors.Count} errors under load:\n{string.Join('\n', errors.Take(20))}");
    }

    /// <summary>
    /// <c>audit verify</c> (the command, as a child process) must exit 0; then, reading the store: every acknowledged id
    /// is there with its case hash and result, no id was acknowledged twice, every record is of a case the load sent,
    /// and at most <see cref="Concurrency"/> records per kill were written but not acknowledged (cut in flight).
    /// </summary>
    private static async Task<long> VerifyAsync(string name, string[] storeArgs, AuditStoreOptions options, List<Ack> acks,
        IReadOnlyList<PooledCase> pool, int kills, string when, List<string> report, CancellationToken ct)
    {
        var (code, stdout, stderr) = await ServerProcess.RunAsync(["audit", "verify", .. storeArgs], ct);
        Assert.True(code == 0, $"{name}: audit verify exited {code} {when}: {stdout}{stderr}");
        var match = IntactLine().Match(stdout);
        Assert.True(match.Success, $"{name}: unexpected audit verify output: {stdout}");
        var count = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

        await using var store = options.Open();
        var page = await store.ListAsync(0, int.MaxValue, ct);
        Assert.Equal(count, page.Total);
        var byId = page.Records.ToDictionary(r => r.Id);
        Assert.Equal(acks.Count, acks.Select(a => a.Id).Distinct().Count());

        var lost = acks.Where(a => !byId.ContainsKey(a.Id)).Select(a => a.Id).ToList();
        Assert.True(lost.Count == 0, $"{name}: {lost.Count} acknowledged records are missing {when}: {string.Join(", ", lost.Take(20))}");
        var altered = acks.Where(a => byId[a.Id].Entry.CaseSha256 != a.Sha || byId[a.Id].Entry.ResultJson != a.ResultJson).Select(a => a.Id).ToList();
        Assert.True(altered.Count == 0, $"{name}: {altered.Count} acknowledged records hold another case or result: {string.Join(", ", altered.Take(20))}");

        var sent = pool.Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
        Assert.All(page.Records, r => Assert.Contains(r.Entry.CaseSha256, sent));
        var unacknowledged = page.Total - acks.Count;
        Assert.InRange(unacknowledged, 0, (long)Concurrency * kills);
        report.Add($"{when}: audit verify exit 0, \"{stdout.Trim()}\"; all {acks.Count} acknowledged records present " +
            $"and identical; {unacknowledged} recorded but not acknowledged (answers cut by a kill)");
        return count;
    }

    [GeneratedRegex(@"^intact: (\d+) records")]
    private static partial Regex IntactLine();
}
