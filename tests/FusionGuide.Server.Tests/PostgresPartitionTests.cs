using System.Diagnostics;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Commands;
using Npgsql;

namespace FusionGuide.Server.Tests;

/// <summary>
/// Issue #22 item 5: PostgreSQL records partitioned by month, a month archived (detached, signed manifest, pg_dump)
/// and verifiable on its own, and the live store telling an archived month from a deleted one.
/// </summary>
public sealed class PostgresPartitionTests : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private readonly PostgresCluster cluster;
    private readonly string database = $"fg_{Guid.NewGuid():N}";
    private readonly TempDir dir = new("fg-partition-");

    public PostgresPartitionTests(PostgresCluster cluster)
    {
        this.cluster = cluster;
        Paths.RequireTool(cluster.Available, "PostgreSQL (Debian package postgresql)");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Conn(string? db = null) => new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = db ?? database }.ConnectionString;

    private string Checkpoints => dir.File("checkpoints");

    public async ValueTask InitializeAsync()
    {
        if (cluster.Available)
        {
            await Sql($"CREATE DATABASE {database}", "postgres");
        }
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private static AuditEntry Entry(string at, int n) => new(at, $"case-{n}", AuditChain.Sha256([(byte)n]), "2026.12.1", "2026-11-24", $$"""{"n":{{n}}}""", $$"""{"case":{{n}}}""");

    /// <summary>A migrated store with partitions for Oct and Nov 2026 too (past months), records appended at the given times.</summary>
    private async Task<PostgresAuditStore> StoreWith(params string[] times)
    {
        var (code, stdout, stderr) = await Run("audit", "migrate", "--postgres", Conn(), "--audit-checkpoints", Checkpoints);
        Assert.True(code == 0, stdout + stderr);
        await Sql("SELECT fusionguide_audit_add_month('2026-10-01'), fusionguide_audit_add_month('2026-11-01')");
        var store = new PostgresAuditStore(Conn());
        for (var i = 0; i < times.Length; i++)
        {
            await store.AppendAsync(Entry(times[i], i + 1), Ct);
        }

        return store;
    }

    private async Task Checkpoint(SqlAuditStore store)
    {
        var cp = new CheckpointDirectory(Checkpoints);
        var keyFile = AuditCheckpointSettings.DefaultKeyFile(Checkpoints);
        using var signer = File.Exists(keyFile) ? EcdsaCheckpointSigner.FromPemFile(keyFile) : EcdsaCheckpointSigner.CreatePemFile(keyFile);
        cp.PublishKey(signer);
        await cp.WriteAsync(AuditCheckpoint.Of((await store.ReadStateAsync(Ct))!, DateTimeOffset.UtcNow), signer, Ct);
    }

    [Fact]
    public async Task Migrate_partitions_the_records_by_month_with_a_default_partition_and_months_ahead()
    {
        await using var store = await StoreWith("2026-10-30T10:00:00.0000000Z", "2026-11-24T10:00:00.0000000Z", "2026-11-25T10:00:00.0000000Z");
        var names = (await store.PartitionsAsync(Ct)).Select(p => p.Name).ToList();
        var now = DateTime.UtcNow;
        Assert.Contains("audit_record_default", names);
        foreach (var m in Enumerable.Range(0, PostgresAuditStore.MonthsAhead + 1).Select(i => now.AddMonths(i)))
        {
            Assert.Contains($"audit_record_y{m.Year:D4}m{m.Month:D2}", names);
        }

        Assert.Equal(["audit_record_y2026m10:1", "audit_record_y2026m11:2"],
            await Strings("SELECT t || ':' || count(*) FROM (SELECT tableoid::regclass::text AS t FROM audit_record) r GROUP BY t ORDER BY t"));
        Assert.Equal(new ChainVerification(3, null, null), await store.VerifyAsync(Ct));
    }

    [Fact]
    public async Task Migrate_partitions_an_existing_unpartitioned_store_keeping_every_record_and_its_grants()
    {
        await using (var store = await StoreWith("2026-10-30T10:00:00.0000000Z", "2026-11-24T10:00:00.0000000Z"))
        {
            await Checkpoint(store);
        }

        // The layout of a store made before partitioning: one plain table, same columns, granted to a verifier role.
        await Sql("""
            CREATE TABLE audit_record_plain (LIKE audit_record INCLUDING DEFAULTS);
            INSERT INTO audit_record_plain SELECT * FROM audit_record;
            DROP TABLE audit_record;
            ALTER TABLE audit_record_plain RENAME TO audit_record;
            ALTER TABLE audit_record ADD CONSTRAINT audit_record_pkey PRIMARY KEY (id);
            DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fg_part_reader') THEN CREATE ROLE fg_part_reader LOGIN; END IF; END $$;
            GRANT SELECT ON audit_record TO fg_part_reader;
            """);
        Assert.Equal(["false"], await Strings("SELECT (to_regclass('audit_record') IN (SELECT partrelid FROM pg_partitioned_table))::text"));

        var (code, stdout, stderr) = await Run("audit", "migrate", "--postgres", Conn(), "--audit-checkpoints", Checkpoints);
        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(["audit_record_y2026m10:1", "audit_record_y2026m11:1"],
            await Strings("SELECT t || ':' || count(*) FROM (SELECT tableoid::regclass::text AS t FROM audit_record) r GROUP BY t ORDER BY t"));
        Assert.Equal(["SELECT"], await Strings("SELECT privilege_type FROM information_schema.role_table_grants WHERE table_name = 'audit_record' AND grantee = 'fg_part_reader'"));
        (code, stdout, stderr) = await Run("audit", "verify", "--postgres", Conn(), "--audit-checkpoints", Checkpoints);
        Assert.True(code == 0, stdout + stderr);
        Assert.StartsWith("intact: 2 records", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_append_only_triggers_refuse_update_delete_and_truncate_on_a_month_partition()
    {
        await using var store = await StoreWith("2026-11-24T10:00:00.0000000Z");
        foreach (var sql in new[] { "UPDATE audit_record_y2026m11 SET case_id = 'x'", "DELETE FROM audit_record_y2026m11", "TRUNCATE audit_record_y2026m11",
                     "TRUNCATE audit_record_default" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => Sql(sql));
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_archived_month_leaves_a_live_store_that_verifies_and_an_archive_that_verifies_alone()
    {
        // Record 4 was served on 30 November but written after record 3 of 1 December: November is two runs (1–2, 4).
        await using (var store = await StoreWith("2026-10-30T10:00:00.0000000Z", "2026-11-24T10:00:00.0000000Z", "2026-12-01T00:00:00.0010000Z",
                         "2026-11-30T23:59:59.9990000Z", "2026-12-01T00:00:01.0000000Z"))
        {
            await Checkpoint(store);
        }

        var archive = dir.File("archive-2026-11");
        var (code, stdout, stderr) = await Run("audit", "archive", "--postgres", Conn(), "--month", "2026-11", "--out", archive, "--audit-checkpoints", Checkpoints);
        Assert.True(code == 0, stdout + stderr);
        Assert.StartsWith("archived: 2026-11: records 2, 4 (2 records)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("audit_record_y2026m11", await Strings("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_record'::regclass"));

        (code, stdout, stderr) = await Run("audit", "verify", "--postgres", Conn(), "--audit-checkpoints", Checkpoints);
        Assert.True(code == 0, stdout + stderr);
        Assert.StartsWith("intact: 3 records", stdout, StringComparison.Ordinal);
        Assert.Contains("archived: 2026-11: records 2, 4 (2 records, table audit_record_y2026m11)", stdout, StringComparison.Ordinal);

        // The archive alone: the dump restored into an empty database, the manifest and checkpoint beside it.
        var dump = Path.Combine(archive, "audit_record_y2026m11.dump");
        await Tool("pg_dump", "--format=custom", "--table=audit_record_y2026m11", $"--file={dump}", PgArgs(database));
        await Sql("DROP TABLE audit_record_y2026m11");
        var restored = $"fg_restored_{Guid.NewGuid():N}";
        await Sql($"CREATE DATABASE {restored}", "postgres");
        await Tool("pg_restore", "--exit-on-error", dump, PgArgs(restored));
        (code, stdout, stderr) = await Run("audit", "verify", "--archive", archive, "--postgres", Conn(restored));
        Assert.True(code == 0, stdout + stderr);
        Assert.StartsWith("intact: archive of 2026-11: 2 records (2, 4)", stdout, StringComparison.Ordinal);

        // An archive whose rows were changed after the fact does not verify.
        await Sql("UPDATE audit_record_y2026m11 SET case_id = 'other' WHERE id = 4", restored);
        (code, stdout, _) = await Run("audit", "verify", "--archive", archive, "--postgres", Conn(restored));
        Assert.Equal(ExitCodes.ChainBroken, code);
        Assert.Contains("record 4: its content does not match its hash", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_partition_dropped_without_archiving_is_reported_broken()
    {
        await using (var store = await StoreWith("2026-10-30T10:00:00.0000000Z", "2026-11-24T10:00:00.0000000Z", "2026-11-25T10:00:00.0000000Z",
                         "2026-12-02T10:00:00.0000000Z"))
        {
            await Checkpoint(store);
        }

        await Sql("ALTER TABLE audit_record DETACH PARTITION audit_record_y2026m11; DROP TABLE audit_record_y2026m11");
        var (code, stdout, stderr) = await Run("audit", "verify", "--postgres", Conn(), "--audit-checkpoints", Checkpoints);
        Assert.True(code == ExitCodes.ChainBroken, stdout + stderr);
        Assert.StartsWith("broken: record 2: expected record 2 next, found 4", stdout, StringComparison.Ordinal);
        Assert.Contains("no signed archive manifest accounts for records 2–3", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_refuses_a_month_whose_last_record_no_signed_checkpoint_covers_yet()
    {
        await using (var store = await StoreWith("2026-11-24T10:00:00.0000000Z"))
        {
            await Checkpoint(store);
            await store.AppendAsync(Entry("2026-11-25T10:00:00.0000000Z", 2), Ct);
        }

        var (code, _, stderr) = await Run("audit", "archive", "--postgres", Conn(), "--month", "2026-11", "--out", dir.File("a"), "--audit-checkpoints", Checkpoints);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("no signed checkpoint covers record 2", stderr, StringComparison.Ordinal);
        Assert.Contains("audit_record_y2026m11", await Strings("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_record'::regclass"));
    }

    private string[] PgArgs(string db)
    {
        var b = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        return ["-h", b.Host!, "-p", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", b.Username!, "-d", db];
    }

    private static async Task Tool(string name, params object[] args)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", name)).Where(File.Exists).Order().Last();
        var start = new ProcessStartInfo(bin) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args.SelectMany(a => a as string[] ?? [(string)a]))
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync(Ct);
        await p.WaitForExitAsync(Ct);
        Assert.True(p.ExitCode == 0, $"{name}: {await err}");
    }

    private async Task Sql(string sql, string? db = null)
    {
        await using var c = new NpgsqlConnection(Conn(db));
        await c.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    private async Task<List<string>> Strings(string sql)
    {
        await using var c = new NpgsqlConnection(Conn());
        await c.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(sql, c);
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        var list = new List<string>();
        while (await r.ReadAsync(Ct))
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ServerProgram.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
