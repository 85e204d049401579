using System.Data.Common;
using FusionGuide.Engine;
using FusionGuide.Server.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FusionGuide.Server.Operations;

/// <summary>The answer of <c>GET /readyz</c>: ready, or the reasons it is not.</summary>
/// <param name="Status"><c>ready</c> or <c>not ready</c>.</param>
/// <param name="KnowledgeBaseVersion">The loaded knowledge base.</param>
/// <param name="Checks">Each check by name: <c>ok</c> or what failed.</param>
public sealed record ReadinessDto(string Status, string KnowledgeBaseVersion, IReadOnlyDictionary<string, string> Checks);

/// <summary>
/// Readiness: the knowledge base is loaded, and the audit store is reachable, holds a current schema and can be
/// written. Without an audit store no recommendation can be served (every one is recorded first), so a load balancer
/// must stop sending traffic here until it is back.
/// </summary>
/// <remarks>
/// Uses a connection of its own (a small pool, a short timeout) and never writes a record or holds the chain lock a
/// long time: PostgreSQL is asked whether it accepts writes and the role may insert; SQLite takes and releases the write
/// lock (<c>BEGIN IMMEDIATE</c>), and a lock held by an append counts as writable.
/// </remarks>
internal sealed class ReadinessProbe(ServerSettings settings, FusionEngine engine) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly Lazy<NpgsqlDataSource?> postgres = new(() => settings.Audit.PostgresConnection is { Length: > 0 } pg
        ? NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(pg) { Timeout = 3, CommandTimeout = 3, MaxPoolSize = 2, MinPoolSize = 0 }.ConnectionString)
        : null);

    public async Task<ReadinessDto> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["knowledge"] = engine.KnowledgeBase.Drugs.Count > 0 ? "ok" : "the knowledge base holds no drugs",
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            checks["audit"] = postgres.Value is { } pg ? await PostgresAsync(pg, timeout.Token) : await SqliteAsync(settings.Audit.SqliteFullPath, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            checks["audit"] = $"the audit store did not answer within {Timeout.TotalSeconds:0} s";
        }
        catch (Exception ex) when (ex is DbException or IOException or InvalidOperationException or TimeoutException)
        {
            checks["audit"] = $"the audit store cannot be reached: {ex.Message}";
        }

        var ready = checks.Values.All(v => v == "ok");
        return new ReadinessDto(ready ? "ready" : "not ready", engine.KnowledgeBase.Version, checks);
    }

    private static async Task<string> PostgresAsync(NpgsqlDataSource pg, CancellationToken cancellationToken)
    {
        await using var c = await pg.OpenConnectionAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT pg_is_in_recovery(), current_setting('transaction_read_only') = 'on',
                   to_regclass('audit_record') IS NOT NULL AND has_table_privilege('audit_record', 'INSERT'),
                   to_regclass('audit_chain_head') IS NOT NULL AND has_table_privilege('audit_chain_head', 'UPDATE')
            """;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        await r.ReadAsync(cancellationToken);
        return (r.GetBoolean(0), r.GetBoolean(1), r.GetBoolean(2) && r.GetBoolean(3)) switch
        {
            (true, _, _) => "the PostgreSQL server is a read-only standby",
            (_, true, _) => "the PostgreSQL session is read-only",
            (_, _, false) => "the audit tables are missing or the role may not append to them",
            _ => "ok",
        };
    }

    private static async Task<string> SqliteAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return $"there is no audit database at {path}";
        }

        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 2, Pooling = false }.ToString();
        await using var c = new SqliteConnection(cs);
        await c.OpenAsync(cancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('audit_record', 'audit_chain_head')";
        if (Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 2)
        {
            return "the audit tables are missing";
        }

        try
        {
            cmd.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED: an append holds the write lock — the file is being written, so it is writable.
        }

        return "ok";
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres.IsValueCreated && postgres.Value is { } pg)
        {
            await pg.DisposeAsync();
        }
    }
}
