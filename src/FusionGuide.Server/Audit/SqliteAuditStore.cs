using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Audit;

/// <summary>The audit store in a SQLite file (the default: <c>fusionguide-audit.db</c> in the working directory).</summary>
/// <remarks>
/// Appends run in <c>BEGIN IMMEDIATE</c> transactions, which take SQLite's write lock before the head is read, so two
/// writers (threads or processes) can never both extend the same head. A process-wide gate keeps this server's own
/// requests from spinning on SQLite's busy lock.
/// </remarks>
public sealed class SqliteAuditStore : SqlAuditStore
{
    private readonly string connectionString;
    private readonly SemaphoreSlim appendGate = new(1, 1);

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
    public override async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await appendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            appendGate.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task<(DbTransaction Transaction, long LastId, string LastHash)> BeginAppendAsync(
        DbConnection connection, CancellationToken cancellationToken)
    {
        // deferred: false is BEGIN IMMEDIATE: the write lock is held from before the head is read until commit.
        var tx = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        var (lastId, lastHash) = await ReadHeadAsync(connection, tx, "SELECT last_id, last_hash FROM audit_chain_head WHERE singleton = 1", cancellationToken).ConfigureAwait(false);
        return (tx, lastId, lastHash);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        appendGate.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
