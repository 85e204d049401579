using System.Data.Common;

namespace FusionGuide.Server.Audit;

/// <summary>The schema: what a database holds (probe) and creating or upgrading it (migrate).</summary>
public abstract partial class SqlAuditStore
{
    // A record's columns: those of schema 2, then (schema 3) its format and its compressed result and case, then
    // (schema 4) who asked.
    private const string ColumnsV2 = "id, recorded_at, case_id, case_sha256, kb_version, as_of, result_json, prev_hash, hash";
    private const string ColumnsV3 = ColumnsV2 + ", format, result_br, case_br";
    private const string Columns = ColumnsV3 + ", caller_kind, caller_name";

    /// <summary>The schema version <c>audit migrate</c> brings a store to (the <c>audit_store</c> row records it).</summary>
    public const int SchemaVersion = 4;

    /// <summary>
    /// The tables, created by migrate. <c>audit_chain_head</c> holds one row naming the last record; <c>audit_store</c>
    /// holds one row naming the store (its genesis). Version 1 stores (no <c>audit_store</c>) are upgraded in place.
    /// </summary>
    protected const string TablesSql = """
        CREATE TABLE IF NOT EXISTS audit_record (
            id BIGINT PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            case_id TEXT NULL,
            case_sha256 TEXT NOT NULL,
            kb_version TEXT NOT NULL,
            as_of TEXT NOT NULL,
            result_json TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS audit_chain_head (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            last_id BIGINT NOT NULL,
            last_hash TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS audit_store (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            store_id TEXT NOT NULL,
            schema_version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            first_id BIGINT NOT NULL,
            genesis_hash TEXT NOT NULL,
            previous_store_id TEXT NULL,
            previous_last_id BIGINT NULL,
            previous_last_hash TEXT NULL);
        CREATE TABLE IF NOT EXISTS cds_hook_instance (
            hook_instance TEXT NOT NULL,
            audit_id BIGINT NOT NULL,
            service_id TEXT NOT NULL,
            hook TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (hook_instance, audit_id));
        CREATE TABLE IF NOT EXISTS cds_report_link (
            token_sha256 TEXT PRIMARY KEY,
            audit_id BIGINT NOT NULL,
            recorded_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cds_feedback (
            id TEXT PRIMARY KEY,
            received_at TEXT NOT NULL,
            position INTEGER NOT NULL,
            service_id TEXT NOT NULL,
            card TEXT NOT NULL,
            outcome TEXT NOT NULL,
            accepted_suggestions TEXT NOT NULL,
            override_system TEXT NULL,
            override_code TEXT NULL,
            override_display TEXT NULL,
            user_comment TEXT NULL,
            outcome_timestamp TEXT NOT NULL);
        """;


    /// <summary>
    /// Schema 3: records in format 2 (<see cref="AuditRecord.Format"/>) keep their result and case Brotli-compressed in
    /// <c>result_br</c>/<c>case_br</c> (<c>result_json</c> is left empty); the records already there keep format 1,
    /// their hashes unchanged. Run by migrate on every store below schema 3 (the tables above are schema 2's).
    /// </summary>
    private string RecordFormat2Sql => $"""
        ALTER TABLE audit_record ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE audit_record ADD COLUMN result_br {BinaryType} NULL;
        ALTER TABLE audit_record ADD COLUMN case_br {BinaryType} NULL;
        """;

    /// <summary>
    /// Schema 4: records in format 3 name who asked (<see cref="AuditEntry.Caller"/>); the records already there keep
    /// their format, their hashes unchanged.
    /// </summary>
    private const string CallerSql = """
        ALTER TABLE audit_record ADD COLUMN caller_kind TEXT NULL;
        ALTER TABLE audit_record ADD COLUMN caller_name TEXT NULL;
        """;

    /// <summary>The columns to read records with from a store at <paramref name="schemaVersion"/> (before 3, all in format 1; before 4, no caller).</summary>
    private static string RecordColumns(int schemaVersion) => schemaVersion switch
    {
        >= 4 => Columns,
        3 => ColumnsV3 + ", NULL, NULL",
        _ => ColumnsV2 + ", 1, NULL, NULL, NULL, NULL",
    };

    private const string StoreColumns = "store_id, schema_version, created_at, first_id, genesis_hash, previous_store_id, previous_last_id, previous_last_hash";


    /// <summary>What the database holds: no audit store, one that needs <c>audit migrate</c>, or a current one. Never writes.</summary>
    public async Task<AuditStoreStatus> ProbeAsync(CancellationToken cancellationToken = default)
    {
        if (DatabaseMissing)
        {
            return AuditStoreStatus.Absent;
        }

        await using var c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await ProbeAsync(c, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HashSet<string>> TablesAsync(DbConnection c, DbTransaction? tx, CancellationToken cancellationToken)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = Command(c, tx, ExistingTablesSql);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tables.Add(r.GetString(0));
        }

        return tables;
    }

    private async Task<AuditStoreStatus> ProbeAsync(DbConnection c, DbTransaction? tx, CancellationToken cancellationToken)
    {
        var tables = await TablesAsync(c, tx, cancellationToken).ConfigureAwait(false);
        if (!tables.Contains("audit_record") && !tables.Contains("audit_store"))
        {
            return AuditStoreStatus.Absent;
        }

        if (!tables.Contains("audit_store"))
        {
            return AuditStoreStatus.NeedsMigration;
        }

        await using var version = Command(c, tx, "SELECT schema_version FROM audit_store WHERE singleton = 1");
        var v = await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return v is null or DBNull || Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) < SchemaVersion
            ? AuditStoreStatus.NeedsMigration
            : AuditStoreStatus.Current;
    }

    /// <summary>
    /// Creates the schema, or upgrades it, and writes the genesis of a new store (<paramref name="genesis"/>: where its
    /// chain begins; default: record 1). A store that exists keeps its genesis. Needs CREATE rights: <c>audit migrate</c>
    /// runs it, and a server only when allowed to (see <see cref="AuditStoreAccess"/>).
    /// </summary>
    public async Task<AuditStoreInfo> MigrateAsync(AuditGenesis? genesis = null, CancellationToken cancellationToken = default)
    {
        if (access != AuditStoreAccess.Migrate)
        {
            throw new InvalidOperationException($"This audit store was opened {access}: it cannot be migrated.");
        }

        await using var c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var info = await MigrateAsync(c, genesis, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref schemaReady, true);
        return info;
    }

    private async Task<AuditStoreInfo> MigrateAsync(DbConnection c, AuditGenesis? genesis, CancellationToken cancellationToken)
    {
        await using var tx = await BeginMigrateAsync(c, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(c, tx, TablesSql, cancellationToken).ConfigureAwait(false);
        var info = await ReadStoreAsync(c, tx, cancellationToken).ConfigureAwait(false);
        var before = info;
        if (info is not null && info.SchemaVersion >= SchemaVersion)
        {
            // Another store (server) migrated it meanwhile: no DDL (it would wait on, and deadlock with, their appends),
            // except the table layout's own step, which does nothing when the layout is already current.
            await UpgradeLayoutAsync(c, tx, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return info;
        }

        if (info is null)
        {
            await using var headCmd = Command(c, tx, "SELECT last_id FROM audit_chain_head WHERE singleton = 1");
            var legacy = await headCmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not (null or DBNull);
            var createdAt = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            var storeId = Guid.NewGuid().ToString();
            if (legacy)
            {
                // A version 1 store: its chain began at record 1 with 64 zeros, before stores had ids.
                info = new AuditStoreInfo(storeId, SchemaVersion, createdAt, 1, AuditChain.Genesis, null, null, null);
            }
            else
            {
                var g = genesis ?? new AuditGenesis(1, null, null, null);
                info = new AuditStoreInfo(storeId, SchemaVersion, createdAt, g.FirstId, "", g.PreviousStoreId, g.PreviousLastId, g.PreviousLastHash);
                info = info with { GenesisHash = AuditChain.GenesisHash(info) };
                await ExecuteAsync(c, tx, "INSERT INTO audit_chain_head (singleton, last_id, last_hash) VALUES (1, @id, @hash)", cancellationToken,
                    ("@id", info.FirstId - 1), ("@hash", info.GenesisHash)).ConfigureAwait(false);
            }

            await ExecuteAsync(c, tx, $"INSERT INTO audit_store (singleton, {StoreColumns}) VALUES (1, @sid, @v, @at, @first, @gh, @psid, @plid, @plh)", cancellationToken,
                ("@sid", info.StoreId), ("@v", SchemaVersion), ("@at", info.CreatedAt), ("@first", info.FirstId), ("@gh", info.GenesisHash),
                ("@psid", info.PreviousStoreId), ("@plid", info.PreviousLastId), ("@plh", info.PreviousLastHash)).ConfigureAwait(false);
        }
        else if (info.SchemaVersion < SchemaVersion)
        {
            await ExecuteAsync(c, tx, "UPDATE audit_store SET schema_version = @v WHERE singleton = 1", cancellationToken, ("@v", SchemaVersion)).ConfigureAwait(false);
            info = info with { SchemaVersion = SchemaVersion };
        }

        if (before is null || before.SchemaVersion < 3)
        {
            await ExecuteAsync(c, tx, RecordFormat2Sql, cancellationToken).ConfigureAwait(false);
        }

        if (before is null || before.SchemaVersion < 4)
        {
            await ExecuteAsync(c, tx, CallerSql, cancellationToken).ConfigureAwait(false);
        }

        if (MigrateExtraSql.Length > 0)
        {
            await ExecuteAsync(c, tx, MigrateExtraSql, cancellationToken).ConfigureAwait(false);
        }

        await UpgradeLayoutAsync(c, tx, cancellationToken).ConfigureAwait(false);

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return info;
    }

    /// <summary>
    /// The last step of every migrate, apart from the schema version: how the tables are laid out (PostgreSQL: records
    /// partitioned by month). Must do nothing when the layout is already current.
    /// </summary>
    protected virtual Task UpgradeLayoutAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<AuditStoreInfo?> ReadStoreAsync(DbConnection c, DbTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = Command(c, tx, $"SELECT {StoreColumns} FROM audit_store WHERE singleton = 1");
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditStoreInfo(r.GetString(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), r.GetString(2), r.GetInt64(3),
                r.GetString(4), NullableString(r, 5), r.IsDBNull(6) ? null : r.GetInt64(6), NullableString(r, 7))
            : null;
    }
}
