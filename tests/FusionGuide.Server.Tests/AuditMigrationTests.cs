using FusionGuide.Server.Audit;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Tests;

/// <summary>
/// Issue #22 item 5: a store of schema 2 (results as text, no case) is verified as it is, upgraded by migrate to
/// schema 3 without touching its records, and goes on verifying intact with new records (compressed, with their case).
/// </summary>
public sealed class AuditMigrationTests : IDisposable
{
    private readonly TempDir dir = new("fg-migrate-");

    private string DbPath => dir.File("audit.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    /// <summary>The tables as schema 2 created them, and a store of two records written as a schema 2 server wrote them.</summary>
    private async Task<AuditStoreInfo> CreateSchema2StoreAsync()
    {
        var info = new AuditStoreInfo("0b3c5a43-7f7e-4a53-9d4e-2f4f00000002", 2, "2026-11-01T00:00:00.0000000Z", 1, "", null, null, null);
        info = info with { GenesisHash = AuditChain.GenesisHash(info) };
        await using var c = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        await c.OpenAsync(Ct);
        var sql = new System.Text.StringBuilder("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE audit_record (id BIGINT PRIMARY KEY, recorded_at TEXT NOT NULL, case_id TEXT NULL, case_sha256 TEXT NOT NULL,
                kb_version TEXT NOT NULL, as_of TEXT NOT NULL, result_json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
            CREATE TABLE audit_chain_head (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), last_id BIGINT NOT NULL, last_hash TEXT NOT NULL);
            CREATE TABLE audit_store (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), store_id TEXT NOT NULL, schema_version INTEGER NOT NULL,
                created_at TEXT NOT NULL, first_id BIGINT NOT NULL, genesis_hash TEXT NOT NULL, previous_store_id TEXT NULL,
                previous_last_id BIGINT NULL, previous_last_hash TEXT NULL);
            CREATE TABLE cds_hook_instance (hook_instance TEXT NOT NULL, audit_id BIGINT NOT NULL, service_id TEXT NOT NULL, hook TEXT NOT NULL,
                recorded_at TEXT NOT NULL, PRIMARY KEY (hook_instance, audit_id));
            CREATE TABLE cds_report_link (token_sha256 TEXT PRIMARY KEY, audit_id BIGINT NOT NULL, recorded_at TEXT NOT NULL);
            CREATE TABLE cds_feedback (id TEXT PRIMARY KEY, received_at TEXT NOT NULL, position INTEGER NOT NULL, service_id TEXT NOT NULL,
                card TEXT NOT NULL, outcome TEXT NOT NULL, accepted_suggestions TEXT NOT NULL, override_system TEXT NULL, override_code TEXT NULL,
                override_display TEXT NULL, user_comment TEXT NULL, outcome_timestamp TEXT NOT NULL);
            """);
        sql.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"INSERT INTO audit_store VALUES (1, '{info.StoreId}', 2, '{info.CreatedAt}', 1, '{info.GenesisHash}', NULL, NULL, NULL);");
        var prev = info.GenesisHash;
        for (var id = 1; id <= 2; id++)
        {
            var e = new AuditEntry($"2026-11-0{id}T10:00:00.0000000Z", $"old-{id}", AuditChain.Sha256([(byte)id]), "2026.11.0", "2026-11-01", $$"""{"n":{{id}}}""");
            var hash = AuditChain.Hash(prev, id, e, format: 1);
            sql.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"INSERT INTO audit_record VALUES ({id}, '{e.RecordedAt}', '{e.CaseId}', '{e.CaseSha256}', '{e.KnowledgeBaseVersion}', '{e.AsOf}', '{e.ResultJson}', '{prev}', '{hash}');");
            prev = hash;
        }

        sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO audit_chain_head VALUES (1, 2, '{prev}');");
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql.ToString();
        await cmd.ExecuteNonQueryAsync(Ct);
        return info;
    }

    [Fact]
    public async Task A_schema_2_store_verifies_intact_before_and_after_migrate_and_new_records_keep_their_case()
    {
        var info = await CreateSchema2StoreAsync();
        await using (var reader = new SqliteAuditStore(DbPath, AuditStoreAccess.ReadOnly))
        {
            Assert.Equal(AuditStoreStatus.NeedsMigration, await reader.ProbeAsync(Ct));
            Assert.Equal(new ChainVerification(2, null, null), await reader.VerifyAsync(Ct));
        }

        using (var stdout = new StringWriter())
        using (var stderr = new StringWriter())
        {
            Assert.Equal(0, await Commands.ServerProgram.RunAsync(["audit", "verify", "--db", DbPath], stdout, stderr));
            Assert.StartsWith("intact: 2 records", stdout.ToString(), StringComparison.Ordinal);
        }

        // An append-only server refuses the older schema rather than upgrading it.
        await using (var appendOnly = new SqliteAuditStore(DbPath, AuditStoreAccess.AppendOnly))
        {
            await Assert.ThrowsAsync<NotAnAuditStoreException>(() => appendOnly.AppendAsync(Entry(3), Ct));
        }

        await using (var migrator = new SqliteAuditStore(DbPath))
        {
            var migrated = await migrator.MigrateAsync(cancellationToken: Ct);
            Assert.Equal((info.StoreId, info.GenesisHash, SqlAuditStore.SchemaVersion), (migrated.StoreId, migrated.GenesisHash, migrated.SchemaVersion));
        }

        await using var store = new SqliteAuditStore(DbPath, AuditStoreAccess.AppendOnly);
        var third = await store.AppendAsync(Entry(3), Ct);
        Assert.Equal(3, third.Id);
        var old = (await store.GetAsync(1, Ct))!;
        Assert.Equal((1, (string?)null, """{"n":1}"""), (old.Format, old.Entry.CaseJson, old.Entry.ResultJson));
        var fresh = (await store.GetAsync(3, Ct))!;
        Assert.Equal((AuditRecord.CurrentFormat, Entry(3) with { Caller = AuditCaller.Anonymous }), (fresh.Format, fresh.Entry));
        Assert.Equal(new ChainVerification(3, null, null), await store.VerifyAsync(Ct));
        Assert.Equal(AuditStoreStatus.Current, await store.ProbeAsync(Ct));
    }

    private static AuditEntry Entry(int n) => new($"2026-12-0{n}T10:00:00.0000000Z", $"new-{n}", AuditChain.Sha256([(byte)n]), "2026.12.0", "2026-12-01",
        $$"""{"n":{{n}}}""", $$"""{"id":"new-{{n}}"}""");

    /// <summary>A schema 3 store: the schema 2 one upgraded as schema 3's migrate did, plus a record in format 2 (compressed, with its case).</summary>
    private async Task CreateSchema3StoreAsync()
    {
        await CreateSchema2StoreAsync();
        await using var c = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        await c.OpenAsync(Ct);
        string prev;
        await using (var head = c.CreateCommand())
        {
            head.CommandText = "SELECT last_hash FROM audit_chain_head";
            prev = (string)(await head.ExecuteScalarAsync(Ct))!;
        }

        var e = Entry(3) with { Caller = null };
        var hash = AuditChain.Hash(prev, 3, e, format: 2);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            ALTER TABLE audit_record ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE audit_record ADD COLUMN result_br BLOB NULL;
            ALTER TABLE audit_record ADD COLUMN case_br BLOB NULL;
            UPDATE audit_store SET schema_version = 3;
            INSERT INTO audit_record VALUES (3, '{e.RecordedAt}', '{e.CaseId}', '{e.CaseSha256}', '{e.KnowledgeBaseVersion}', '{e.AsOf}', '', '{prev}', '{hash}', 2, @result, @case);
            UPDATE audit_chain_head SET last_id = 3, last_hash = '{hash}';
            """;
        cmd.Parameters.AddWithValue("@result", RecordCompression.Compress(e.ResultJson));
        cmd.Parameters.AddWithValue("@case", RecordCompression.Compress(e.CaseJson!));
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task A_schema_3_store_without_callers_verifies_before_and_after_migrate_and_new_records_name_who_asked()
    {
        await CreateSchema3StoreAsync();
        Assert.Equal((0, "intact: 3 records"), await Run("audit", "verify", "--db", DbPath));
        Assert.Equal(0, (await Run("audit", "migrate", "--db", DbPath)).Code);
        Assert.Equal((0, "intact: 3 records"), await Run("audit", "verify", "--db", DbPath));

        await using (var store = new SqliteAuditStore(DbPath, AuditStoreAccess.AppendOnly))
        {
            await store.AppendAsync(Entry(4) with { Caller = new AuditCaller("api-key", "ehr-integration") }, Ct);
            var old = (await store.GetAsync(3, Ct))!;
            Assert.Equal((2, (AuditCaller?)null), (old.Format, old.Entry.Caller));
            var fresh = (await store.GetAsync(4, Ct))!;
            Assert.Equal((3, new AuditCaller("api-key", "ehr-integration")), (fresh.Format, fresh.Entry.Caller));
        }

        Assert.Equal((0, "intact: 4 records"), await Run("audit", "verify", "--db", DbPath));
        using (var listed = new StringWriter())
        {
            Assert.Equal(0, await Commands.ServerProgram.RunAsync(["audit", "list", "--db", DbPath], listed, new StringWriter()));
            var lines = listed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')).ToList();
            Assert.Equal([("4", "api-key:ehr-integration"), ("3", "(not recorded)"), ("2", "(not recorded)"), ("1", "(not recorded)")], lines.Select(l => (l[0], l[2])));
        }

        // A caller written afterwards beside a record whose format never held one is a change, found by verify.
        SqliteConnection.ClearAllPools();
        await using (var c = new SqliteConnection($"Data Source={DbPath};Pooling=false"))
        {
            await c.OpenAsync(Ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE audit_record SET caller_kind = 'api-key', caller_name = 'someone' WHERE id = 2";
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal((4, "broken: record 2"), await Run("audit", "verify", "--db", DbPath));
    }

    /// <summary>Runs a server command; the exit code and the first words of its output (up to the second colon, or the count).</summary>
    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Commands.ServerProgram.RunAsync(args, stdout, stderr);
        var text = stdout.ToString();
        var words = text.StartsWith("intact", StringComparison.Ordinal) ? text.Split(" (")[0] : text.Split(':').Length > 1 ? string.Join(':', text.Split(':')[..2]) : text + stderr;
        return (code, words.Trim());
    }
}
