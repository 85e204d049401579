using System.Data.Common;
using System.Threading.Channels;

namespace FusionGuide.Server.Audit;

/// <summary>
/// The audit store over ADO.NET: one schema and one set of statements that SQLite and PostgreSQL both accept.
/// Subclasses supply connections and the locking that serialises appends between stores (servers); within one store
/// a single writer loop group-commits concurrent appends (see <see cref="AppendAsync"/>).
/// </summary>
public abstract partial class SqlAuditStore : IAuditStore, IAsyncDisposable
{
    private readonly SemaphoreSlim schemaGate = new(1, 1);
    private readonly AuditStoreAccess access;
    private readonly Channel<PendingAppend> queue = Channel.CreateUnbounded<PendingAppend>();
    private Task? writer;
    private long committedTransactions;
    private bool schemaReady;

    /// <summary>A store that reaches its database with <paramref name="access"/>.</summary>
    protected SqlAuditStore(AuditStoreAccess access) => this.access = access;

    /// <summary>What this store may do to its database.</summary>
    public AuditStoreAccess Access => access;

    /// <summary>Opens a connection (the schema is not yet ensured).</summary>
    protected abstract Task<DbConnection> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Begins the migrate transaction, holding whatever lock keeps two migrations (two servers) from racing.</summary>
    protected abstract Task<DbTransaction> BeginMigrateAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Statements run by migrate after the tables exist (PostgreSQL: the triggers that refuse rewrites).</summary>
    protected virtual string MigrateExtraSql => "";

    /// <summary>Begins a read-only transaction that sees one snapshot and takes no lock that would stop appends.</summary>
    protected abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>True when the database plainly does not exist (a SQLite file not there): probing it would create it.</summary>
    protected virtual bool DatabaseMissing => false;

    /// <summary>The column type of compressed bytes (SQLite <c>BLOB</c>, PostgreSQL <c>BYTEA</c>).</summary>
    protected abstract string BinaryType { get; }

    /// <summary>SQL naming the audit tables that exist (one row per table, its name in column 0).</summary>
    protected abstract string ExistingTablesSql { get; }

    /// <summary>Begins the append transaction holding the chain lock, and returns the head (last id and hash).</summary>
    protected abstract Task<(DbTransaction Transaction, long LastId, string LastHash)> BeginAppendAsync(
        DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Stops taking appends, waits until every queued one is written (or has failed), then releases the store.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        Task? running;
        lock (queue)
        {
            running = writer;
        }

        if (running is not null)
        {
            await running.ConfigureAwait(false);
        }

        schemaGate.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs one statement.</summary>
    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(connection, tx, sql, parameters);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the chain head inside an append transaction, with <paramref name="sql"/> taking whatever lock it needs.</summary>
    protected static async Task<(long LastId, string LastHash)> ReadHeadAsync(DbConnection connection, DbTransaction tx, string sql,
        CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, sql);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The audit chain head row is missing: the audit store was altered outside the server.");
        }

        return (reader.GetInt64(0), reader.GetString(1));
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (!Volatile.Read(ref schemaReady))
        {
            await schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!schemaReady)
                {
                    await EnsureSchemaAsync(c, cancellationToken).ConfigureAwait(false);
                    Volatile.Write(ref schemaReady, true);
                }
            }
            finally
            {
                schemaGate.Release();
            }
        }

        return c;
    }

    /// <summary>
    /// Before first use: a <see cref="AuditStoreAccess.Migrate"/> store creates or upgrades the schema when it is not
    /// current (checked with a SELECT first, so a current schema needs no CREATE right); an append-only store requires a
    /// current schema; a read-only store touches nothing (verify says what it finds).
    /// </summary>
    private async Task EnsureSchemaAsync(DbConnection c, CancellationToken cancellationToken)
    {
        if (access == AuditStoreAccess.ReadOnly)
        {
            return;
        }

        var status = await ProbeAsync(c, null, cancellationToken).ConfigureAwait(false);
        if (status == AuditStoreStatus.Current)
        {
            return;
        }

        if (access == AuditStoreAccess.AppendOnly)
        {
            throw new NotAnAuditStoreException(status == AuditStoreStatus.Absent
                ? "the database holds no audit store: create it with 'audit migrate'"
                : "the audit store's schema is older than this server's: upgrade it with 'audit migrate'");
        }

        await MigrateAsync(c, null, cancellationToken).ConfigureAwait(false);
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
#pragma warning disable CA2100 // Every statement is a constant of this class; values always go in parameters.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }
}
