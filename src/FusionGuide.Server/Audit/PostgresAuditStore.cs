using System.Data.Common;
using Npgsql;

namespace FusionGuide.Server.Audit;

/// <summary>The audit store in a PostgreSQL database, for sites that run more than one server or keep audit data centrally.</summary>
/// <remarks>
/// Appends lock the single chain-head row (<c>SELECT … FOR UPDATE</c>) before reading it, so concurrent appends —
/// from one server or several — queue behind each other and each extends the head the previous one wrote (the head is
/// read only after the lock is held, inside the transaction that writes the group of records). A commit is
/// acknowledged by PostgreSQL only when durable under the server's <c>synchronous_commit</c> (on by default). Schema
/// creation takes a transaction-scoped advisory lock, because <c>CREATE TABLE IF NOT EXISTS</c> is not safe to race.
/// </remarks>
public sealed partial class PostgresAuditStore : SqlAuditStore
{
    // An arbitrary constant that names "FusionGuide audit schema" among the site's advisory locks.
    private const long SchemaLockKey = 0x4647_4155_4449_5401;
    private readonly NpgsqlDataSource dataSource;

    /// <summary>Connects with a PostgreSQL connection string (<c>Host=…;Database=…;Username=…</c>).</summary>
    public PostgresAuditStore(string connectionString, AuditStoreAccess access = AuditStoreAccess.Migrate)
        : base(access)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        dataSource = NpgsqlDataSource.Create(WithTimeouts(connectionString, access));
    }

    /// <summary>
    /// Session limits so that one frozen instance delays the others by seconds, not indefinitely: <c>lock_timeout</c>
    /// 10 s (an append waiting on the chain head gives up and its request fails, instead of queueing forever),
    /// <c>idle_in_transaction_session_timeout</c> 30 s (a frozen holder of the head lock is cut off by the server),
    /// <c>statement_timeout</c> 60 s (not for read-only use: <c>audit verify</c> reads the whole store in one
    /// statement), and TCP keepalives after 10 s idle, then every 5 s (a vanished peer is noticed). Settings given in
    /// the connection string (<c>Options</c>, <c>Tcp Keepalive Time</c>) win.
    /// </summary>
    internal static string WithTimeouts(string connectionString, AuditStoreAccess access)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(b.Options))
        {
            b.Options = access == AuditStoreAccess.ReadOnly
                ? "-c lock_timeout=10000 -c idle_in_transaction_session_timeout=30000"
                : "-c lock_timeout=10000 -c idle_in_transaction_session_timeout=30000 -c statement_timeout=60000";
        }

        // TCP keepalives (the kernel's), never Npgsql's own KeepAlive: that one sends a query every N seconds on an idle
        // connection, which restarts idle_in_transaction_session_timeout — a hung instance holding the head lock in a
        // live process would then never be cut off (PostgresAuditStoreTests.A_frozen_instance_… found it).
        if (!b.TcpKeepAlive)
        {
            b.TcpKeepAlive = true;
        }

        if (b.TcpKeepAliveTime == 0)
        {
            b.TcpKeepAliveTime = 10;
            b.TcpKeepAliveInterval = b.TcpKeepAliveInterval == 0 ? 5 : b.TcpKeepAliveInterval;
        }

        return b.ConnectionString;
    }

    /// <summary>
    /// Triggers that refuse any UPDATE or DELETE of a record, and TRUNCATE of the records or the head, whoever asks
    /// (only the owner, by dropping or disabling them, gets past: a server role that owns nothing cannot). The head row
    /// may be updated (appends move it) but not deleted.
    /// </summary>
    public const string RefuseRewritesSql = """
        CREATE OR REPLACE FUNCTION fusionguide_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME;
        END $$;
        DROP TRIGGER IF EXISTS audit_record_append_only ON audit_record;
        CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
            FOR EACH ROW EXECUTE FUNCTION fusionguide_audit_refuse();
        DROP TRIGGER IF EXISTS audit_record_no_truncate ON audit_record;
        CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
            FOR EACH STATEMENT EXECUTE FUNCTION fusionguide_audit_refuse();
        DROP TRIGGER IF EXISTS audit_chain_head_kept ON audit_chain_head;
        CREATE TRIGGER audit_chain_head_kept BEFORE DELETE ON audit_chain_head
            FOR EACH ROW EXECUTE FUNCTION fusionguide_audit_refuse();
        DROP TRIGGER IF EXISTS audit_store_kept ON audit_store;
        CREATE TRIGGER audit_store_kept BEFORE UPDATE OR DELETE ON audit_store
            FOR EACH ROW WHEN (pg_trigger_depth() = 0 AND current_setting('fusionguide.migrating', true) IS DISTINCT FROM 'on')
            EXECUTE FUNCTION fusionguide_audit_refuse();
        """;

    /// <inheritdoc />
    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task<DbTransaction> BeginMigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(@key); SET LOCAL fusionguide.migrating = 'on';", cancellationToken, ("@key", SchemaLockKey)).ConfigureAwait(false);
        return tx;
    }

    /// <inheritdoc />
    protected override string MigrateExtraSql => RefuseRewritesSql;

    /// <inheritdoc />
    protected override string BinaryType => "BYTEA";

    /// <inheritdoc />
    protected override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // One snapshot for the whole read, read-only (works with a SELECT-only role), and no lock an append waits for.
        var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "SET TRANSACTION READ ONLY", cancellationToken).ConfigureAwait(false);
        return tx;
    }

    /// <inheritdoc />
    protected override string ExistingTablesSql => """
        SELECT table_name::text FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name IN ('audit_record', 'audit_chain_head', 'audit_store')
        """;

    /// <inheritdoc />
    protected override async Task<(DbTransaction Transaction, long LastId, string LastHash)> BeginAppendAsync(
        DbConnection connection, CancellationToken cancellationToken)
    {
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (lastId, lastHash) = await ReadHeadAsync(connection, tx, "SELECT last_id, last_hash FROM audit_chain_head WHERE singleton = 1 FOR UPDATE", cancellationToken).ConfigureAwait(false);
        return (tx, lastId, lastHash);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        // The queued appends are written first (they need the data source), then the connections are closed.
        await base.DisposeAsync().ConfigureAwait(false);
        await dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
