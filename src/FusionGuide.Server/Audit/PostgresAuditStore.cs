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
public sealed class PostgresAuditStore : SqlAuditStore
{
    // An arbitrary constant that names "FusionGuide audit schema" among the site's advisory locks.
    private const long SchemaLockKey = 0x4647_4155_4449_5401;
    private readonly NpgsqlDataSource dataSource;

    /// <summary>Connects with a PostgreSQL connection string (<c>Host=…;Database=…;Username=…</c>).</summary>
    public PostgresAuditStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("@key", SchemaLockKey)).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, SchemaSql, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

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
