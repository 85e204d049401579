using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Audit;

/// <summary>The audit store in a SQLite file (the default: <c>fusionguide-audit.db</c> in the working directory).</summary>
/// <remarks>
/// <para>Appends run in <c>BEGIN IMMEDIATE</c> transactions, which take SQLite's write lock before the head is read, so
/// two writers (threads or processes) can never both extend the same head. Within one store the single writer loop of
/// <see cref="SqlAuditStore"/> already serialises them (and groups concurrent appends into one transaction).</para>
/// <para>Durability: the journal is WAL with <c>synchronous=FULL</c>, so every commit — one per group of appends — is
/// fsynced to the WAL before any append in it is acknowledged: an acknowledged record survives a killed process and a
/// power loss. (<c>synchronous=NORMAL</c> would skip that fsync and survive a killed process only; an audit trail of
/// clinical advice keeps FULL, and group commit pays it once per transaction, not once per request.)</para>
/// </remarks>
public sealed class SqliteAuditStore : SqlAuditStore
{
    private readonly string connectionString;

    /// <summary>Opens (on first use, creating) the database file at <paramref name="path"/>.</summary>
    public SqliteAuditStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(connectionString);
        await c.OpenAsync(cancellationToken).ConfigureAwait(false);
        return c;
    }

    /// <inheritdoc />
    protected override async Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers (the audit list, verify) proceed while a recommendation is being recorded.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        await base.CreateSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task<(DbTransaction Transaction, long LastId, string LastHash)> BeginAppendAsync(
        DbConnection connection, CancellationToken cancellationToken)
    {
        // synchronous is a per-connection setting (and cannot change inside a transaction): FULL, see the remarks above.
        await ExecuteAsync(connection, null, "PRAGMA synchronous=FULL;", cancellationToken).ConfigureAwait(false);
        // deferred: false is BEGIN IMMEDIATE: the write lock is held from before the head is read until commit.
        var tx = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        var (lastId, lastHash) = await ReadHeadAsync(connection, tx, "SELECT last_id, last_hash FROM audit_chain_head WHERE singleton = 1", cancellationToken).ConfigureAwait(false);
        return (tx, lastId, lastHash);
    }
}
