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

    // Set once the database file is known to exist (created 0600 if it was missing); a race between two first
    // connections only makes both check.
    private volatile bool fileChecked;

    /// <summary>
    /// Opens the database file at <paramref name="path"/>: with <see cref="AuditStoreAccess.Migrate"/> (the default)
    /// creating it on first use; read-only, the file is opened with <c>Mode=ReadOnly</c> and never written.
    /// </summary>
    public SqliteAuditStore(string path, AuditStoreAccess access = AuditStoreAccess.Migrate)
        : base(access)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = access switch
            {
                AuditStoreAccess.Migrate => SqliteOpenMode.ReadWriteCreate,
                AuditStoreAccess.AppendOnly => SqliteOpenMode.ReadWrite,
                _ => SqliteOpenMode.ReadOnly,
            },
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        // Once per store, not on every connection a request opens: after the first, the file exists.
        if (Access == AuditStoreAccess.Migrate && !fileChecked)
        {
            CreatePrivately(Path);
            fileChecked = true;
        }

        var c = new SqliteConnection(connectionString);
        await c.OpenAsync(cancellationToken).ConfigureAwait(false);
        return c;
    }

    /// <summary>
    /// Creates a missing database file readable and writable by its owner only (0600): the audit trail holds every
    /// recorded case and report link, and SQLite would otherwise create it with the process umask (usually 0644, readable
    /// by every local user). SQLite gives the -wal and -shm files the database file's permissions. An existing file is
    /// left as the operator set it; Windows files keep their directory's ACL.
    /// </summary>
    private static void CreatePrivately(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; SQLite opens theirs.
        }
    }

    /// <inheritdoc />
    protected override async Task<DbTransaction> BeginMigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers (the audit list, verify) proceed while a recommendation is being recorded.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    /// <inheritdoc />
    protected override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Deferred: a read transaction (in WAL mode, a snapshot) taken at the first read, with no write lock, so appends
        // go on while verify reads. (IsolationLevel.Serializable without deferred would be BEGIN IMMEDIATE: a write lock.)
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: true));

    /// <inheritdoc />
    protected override string BinaryType => "BLOB";

    /// <inheritdoc />
    protected override bool DatabaseMissing => !File.Exists(Path);

    /// <inheritdoc />
    protected override string ExistingTablesSql =>
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('audit_record', 'audit_chain_head', 'audit_store')";

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
