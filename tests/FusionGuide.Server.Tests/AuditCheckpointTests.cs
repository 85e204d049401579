using FusionGuide.Server.Audit;
using FusionGuide.Server.Commands;
using FusionGuide.Server.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FusionGuide.Server.Tests;

/// <summary>
/// Issue #22: the audit chain checked against signed checkpoints kept outside the database. Each tamper scenario is
/// done by someone who can write the SQLite file (and knows the chain's public algorithm), after a server wrote its
/// checkpoints; <c>audit verify</c> must exit 4 naming a record, and the server must refuse to extend such a store.
/// </summary>
public sealed class AuditCheckpointTests : IDisposable
{
    private readonly TempDir dir = new("fg-checkpoint-");

    private string Db => dir.File("audit.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    private static AuditEntry Entry(int n) => new($"2026-11-24T10:00:{n % 60:00}.0000000Z", $"case-{n}", AuditChain.Sha256([(byte)n]), "2026.11.0", "2026-11-24", $$"""{"n":{{n}}}""");

    /// <summary>Runs a server on the store, appends <paramref name="count"/> records (numbered from <paramref name="from"/>) and stops it (the shutdown checkpoint).</summary>
    private async Task<List<AuditRecord>> ServeAndAppend(int from, int count, Func<ServerSettings, ServerSettings>? configure = null)
    {
        var settings = new ServerSettings { Audit = new AuditStoreOptions(Db, null) };
        settings = configure?.Invoke(settings) ?? settings;
        var app = ServerApp.Create(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], settings);
        var records = new List<AuditRecord>();
        try
        {
            await app.StartAsync(Ct);
            var store = app.Services.GetRequiredService<IAuditStore>();
            for (var n = from; n < from + count; n++)
            {
                records.Add(await store.AppendAsync(Entry(n), Ct));
            }

            await app.StopAsync(Ct);
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }

        return records;
    }

    private async Task Sql(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={Db};Pooling=false");
        await c.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
#pragma warning disable CA2100 // Test-only tampering statements.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ServerProgram.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task AssertBroken(long record, string? reasonPart = null)
    {
        var (code, stdout, stderr) = await Run("audit", "verify", "--db", Db);
        Assert.True(code == ExitCodes.ChainBroken, $"exit {code}: {stdout}{stderr}");
        Assert.StartsWith($"broken: record {record}:", stdout, StringComparison.Ordinal);
        if (reasonPart is not null)
        {
            Assert.Contains(reasonPart, stdout, StringComparison.Ordinal);
        }
    }

    /// <summary>Rewrites record <paramref name="from"/> onwards as an attacker who knows the algorithm would: recomputes every hash after it and moves the head.</summary>
    private async Task RewriteAndRehash(long from, string newResult)
    {
        List<AuditRecord> records;
        await using (var store = new SqliteAuditStore(Db, AuditStoreAccess.ReadOnly))
        {
            records = [.. (await store.ListAsync(0, 1000, Ct)).Records.OrderBy(r => r.Id)];
        }

        SqliteConnection.ClearAllPools();
        var prev = records.Single(r => r.Id == from).PrevHash;
        foreach (var r in records.Where(r => r.Id >= from))
        {
            var entry = r.Id == from ? r.Entry with { ResultJson = newResult } : r.Entry;
            var hash = AuditChain.Hash(prev, r.Id, entry);
            await Sql($"UPDATE audit_record SET result_json = '{entry.ResultJson}', prev_hash = '{prev}', hash = '{hash}' WHERE id = {r.Id}");
            prev = hash;
        }

        await Sql($"UPDATE audit_chain_head SET last_id = {records[^1].Id}, last_hash = '{prev}'");
    }

    [Fact]
    public async Task An_intact_store_verifies_against_its_signed_checkpoint_and_the_response_receipt_names_the_record_hash()
    {
        var records = await ServeAndAppend(1, 3);
        Assert.NotEmpty(Directory.GetFiles(CheckpointDirectory.BesideSqlite(Db), "cp-*.json"));
        Assert.True(File.Exists(AuditCheckpointSettings.DefaultKeyFile(CheckpointDirectory.BesideSqlite(Db))));
        var (code, stdout, _) = await Run("audit", "verify", "--db", Db);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("intact: 3 records", stdout, StringComparison.Ordinal);
        Assert.Contains("latest at record 3", stdout, StringComparison.Ordinal);
        Assert.Equal(64, records[2].Hash.Length);
    }

    [Fact]
    public async Task An_edited_record_is_reported_broken()
    {
        await ServeAndAppend(1, 6);
        await Sql("UPDATE audit_record SET result_json = '{\"n\":40}' WHERE id = 4");
        await AssertBroken(4, "content does not match");
    }

    [Fact]
    public async Task A_deleted_record_is_reported_broken()
    {
        await ServeAndAppend(1, 6);
        await Sql("DELETE FROM audit_record WHERE id = 3");
        await AssertBroken(3);
    }

    [Fact]
    public async Task An_inserted_record_is_reported_broken()
    {
        await ServeAndAppend(1, 6);
        // Slip a record in after 3: renumber 4..6 to 5..7, insert a well-formed record 4 chained to 3, move the head.
        await Sql("UPDATE audit_record SET id = id + 1000 WHERE id >= 4; UPDATE audit_record SET id = id - 999 WHERE id >= 1000;");
        await using (var store = new SqliteAuditStore(Db, AuditStoreAccess.ReadOnly))
        {
            var third = (await store.GetAsync(3, Ct))!;
            var fake = Entry(99);
            // Inserted as a record of format 1 (no format column given: its default), hashed accordingly.
            var hash = AuditChain.Hash(third.Hash, 4, fake, format: 1);
            SqliteConnection.ClearAllPools();
            await Sql($"INSERT INTO audit_record (id, recorded_at, case_id, case_sha256, kb_version, as_of, result_json, prev_hash, hash) VALUES (4, '{fake.RecordedAt}', '{fake.CaseId}', '{fake.CaseSha256}', '{fake.KnowledgeBaseVersion}', '{fake.AsOf}', '{fake.ResultJson}', '{third.Hash}', '{hash}')");
        }

        await Sql("UPDATE audit_chain_head SET last_id = 7");
        await AssertBroken(5);
    }

    [Fact]
    public async Task A_record_rewritten_and_the_chain_rehashed_is_reported_broken_though_the_chain_alone_holds()
    {
        await ServeAndAppend(1, 6);
        await RewriteAndRehash(4, """{"n":"rewritten"}""");
        // Without its checkpoints the rewritten chain is consistent: this is what they are for.
        var (code, stdout, _) = await Run("audit", "verify", "--db", Db, "--audit-checkpoints", "off");
        Assert.Equal((ExitCodes.Ok, true), (code, stdout.StartsWith("intact: 6 records", StringComparison.Ordinal)));
        await AssertBroken(6, "rewritten and rehashed");
    }

    [Fact]
    public async Task A_truncated_chain_with_its_head_moved_back_is_reported_broken()
    {
        var records = await ServeAndAppend(1, 6);
        await Sql($"DELETE FROM audit_record WHERE id > 4; UPDATE audit_chain_head SET last_id = 4, last_hash = '{records[3].Hash}';");
        await AssertBroken(5, "cut off");
    }

    [Fact]
    public async Task Dropped_tables_are_reported_broken()
    {
        await ServeAndAppend(1, 6);
        await Sql("DROP TABLE audit_record; DROP TABLE audit_chain_head; DROP TABLE audit_store;");
        await AssertBroken(6, "no audit store");
    }

    [Fact]
    public async Task A_deleted_database_file_is_reported_broken()
    {
        await ServeAndAppend(1, 2);
        File.Delete(Db);
        File.Delete(Db + "-wal");
        File.Delete(Db + "-shm");
        await AssertBroken(2, "gone");
    }

    [Fact]
    public async Task A_restored_old_backup_is_reported_broken_and_the_server_refuses_it()
    {
        await ServeAndAppend(1, 3);
        File.Copy(Db, dir.File("backup.db"));
        await ServeAndAppend(4, 3);
        File.Copy(dir.File("backup.db"), Db, overwrite: true);
        await AssertBroken(4, "cut off");

        var refused = await Assert.ThrowsAsync<AuditStoreRefusedException>(() => ServeAndAppend(7, 1));
        Assert.Contains("behind its checkpoint", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_serve_command_exits_4_on_a_store_behind_its_checkpoint()
    {
        var records = await ServeAndAppend(1, 3);
        await Sql($"DELETE FROM audit_record WHERE id = 3; UPDATE audit_chain_head SET last_id = 2, last_hash = '{records[1].Hash}';");
        var (code, _, stderr) = await Run("serve", "--db", Db, "--urls", "http://127.0.0.1:0");
        Assert.Equal(ExitCodes.ChainBroken, code);
        Assert.Contains("behind its checkpoint", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_store_is_refused_unless_a_new_chain_is_begun_and_then_ids_are_never_reused()
    {
        await ServeAndAppend(1, 3);
        File.Delete(Db);
        File.Delete(Db + "-wal");
        File.Delete(Db + "-shm");
        var refused = await Assert.ThrowsAsync<AuditStoreRefusedException>(() => ServeAndAppend(4, 1));
        Assert.Contains("--audit-new-chain", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));

        var records = await ServeAndAppend(4, 2, s => s with { Checkpoints = s.Checkpoints with { NewChain = true } });
        Assert.Equal([4L, 5L], records.Select(r => r.Id));
        var (code, stdout, _) = await Run("audit", "verify", "--db", Db);
        Assert.Equal((ExitCodes.Ok, true), (code, stdout.StartsWith("intact: 2 records", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Deleted_feedback_is_reported_broken()
    {
        var settings = new ServerSettings { Audit = new AuditStoreOptions(Db, null) };
        var app = ServerApp.Create(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], settings);
        await app.StartAsync(Ct);
        var store = app.Services.GetRequiredService<IAuditStore>();
        await store.AppendAsync(Entry(1), Ct);
        await store.AppendFeedbackAsync([new FeedbackEntry("f1", "2026-11-24T10:00:00.0000000Z", "svc", "card", "accepted", [], null, null, null, null, "2026-11-24T10:00:00.0000000Z")], Ct);
        await store.LinkHookInstanceAsync(new HookInstanceLink("hi-1", 1, "svc", "patient-view", "2026-11-24T10:00:00Z"), Ct);
        await app.StopAsync(Ct);
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Assert.Equal(ExitCodes.Ok, (await Run("audit", "verify", "--db", Db)).Code);

        await Sql("DELETE FROM cds_feedback");
        await AssertBroken(1, "feedback row(s) were deleted");
    }

    [Fact]
    public async Task A_forged_checkpoint_is_reported_broken()
    {
        await ServeAndAppend(1, 2);
        var file = Directory.GetFiles(CheckpointDirectory.BesideSqlite(Db), "cp-*.json").Order(StringComparer.Ordinal).Last();
        var text = await File.ReadAllTextAsync(file, Ct);
        await File.WriteAllTextAsync(file, text.Replace("\"lastId\":2", "\"lastId\":1", StringComparison.Ordinal), Ct);
        var (code, stdout, _) = await Run("audit", "verify", "--db", Db);
        Assert.Equal(ExitCodes.ChainBroken, code);
        Assert.Contains("signature does not hold", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_opens_the_store_read_only_and_refuses_a_file_that_is_not_an_audit_store()
    {
        var other = dir.File("other.db");
        await using (var c = new SqliteConnection($"Data Source={other};Pooling=false"))
        {
            await c.OpenAsync(Ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO patients VALUES (1, 'x');";
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        var before = await File.ReadAllBytesAsync(other, Ct);
        var (code, _, stderr) = await Run("audit", "verify", "--db", other);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("not an audit store", stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(other, Ct));
        Assert.False(Directory.Exists(CheckpointDirectory.BesideSqlite(other)));

        await ServeAndAppend(1, 2);
        var store = await File.ReadAllBytesAsync(Db, Ct);
        Assert.Equal(ExitCodes.Ok, (await Run("audit", "verify", "--db", Db)).Code);
        Assert.Equal(store, await File.ReadAllBytesAsync(Db, Ct));
        Assert.False(File.Exists(Db + "-wal") && new FileInfo(Db + "-wal").Length > 0);
    }

    [Fact]
    public async Task Verify_reads_a_snapshot_and_does_not_wait_for_an_append_holding_the_write_lock()
    {
        await ServeAndAppend(1, 3);
        await using var writer = new SqliteConnection($"Data Source={Db};Pooling=false");
        await writer.OpenAsync(Ct);
        await using (var cmd = writer.CreateCommand())
        {
            cmd.CommandText = "BEGIN IMMEDIATE; INSERT INTO cds_feedback VALUES ('f', 'x', 0, 's', 'c', 'accepted', '[]', NULL, NULL, NULL, NULL, 't');";
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, stdout, _) = await Run("audit", "verify", "--db", Db);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("intact: 3 records", stdout, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"verify took {clock.Elapsed}");
    }

    [Fact]
    public async Task Audit_migrate_prepares_a_store_an_append_only_server_can_use()
    {
        var (code, stdout, _) = await Run("audit", "migrate", "--db", Db);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("migrated: store ", stdout, StringComparison.Ordinal);
        var records = await ServeAndAppend(1, 2, s => s with { Checkpoints = s.Checkpoints with { Schema = AuditStoreAccess.AppendOnly } });
        Assert.Equal([1L, 2L], records.Select(r => r.Id));

        File.Delete(dir.File("empty.db"));
        var refused = await Assert.ThrowsAsync<AuditStoreRefusedException>(async () =>
        {
            var app = ServerApp.Create(["--urls=http://127.0.0.1:0"], new ServerSettings
            {
                Audit = new AuditStoreOptions(dir.File("empty.db"), null),
                Checkpoints = new AuditCheckpointSettings { Schema = AuditStoreAccess.AppendOnly, Off = true },
            });
            await using (app)
            {
                await app.StartAsync(Ct);
            }
        });
        Assert.Contains("audit migrate", refused.Message, StringComparison.Ordinal);
    }
}
