using System.Data.Common;
using System.Threading.Channels;

namespace FusionGuide.Server.Audit;

/// <summary>
/// The audit store over ADO.NET: one schema and one set of statements that SQLite and PostgreSQL both accept.
/// Subclasses supply connections and the locking that serialises appends between stores (servers); within one store
/// a single writer loop group-commits concurrent appends (see <see cref="AppendAsync"/>).
/// </summary>
public abstract class SqlAuditStore : IAuditStore, IAsyncDisposable
{
    private const string Columns = "id, recorded_at, case_id, case_sha256, kb_version, as_of, result_json, prev_hash, hash";

    /// <summary>The schema version <c>audit migrate</c> brings a store to (the <c>audit_store</c> row records it).</summary>
    public const int SchemaVersion = 2;

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

    private const string StoreColumns = "store_id, schema_version, created_at, first_id, genesis_hash, previous_store_id, previous_last_id, previous_last_hash";

    private const string FeedbackColumns = "id, received_at, service_id, card, outcome, accepted_suggestions, override_system, override_code, override_display, user_comment, outcome_timestamp";

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

    /// <summary>SQL naming the audit tables that exist (one row per table, its name in column 0).</summary>
    protected abstract string ExistingTablesSql { get; }

    /// <summary>Begins the append transaction holding the chain lock, and returns the head (last id and hash).</summary>
    protected abstract Task<(DbTransaction Transaction, long LastId, string LastHash)> BeginAppendAsync(
        DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one record. Appends are group-committed: the records that arrive while a transaction is writing are
    /// written together by the next one (at most <see cref="MaxBatch"/>), each chained to the one before in arrival
    /// order. The task completes only after the transaction holding the record has committed. When a record of the
    /// group cannot be written, the group's appends are retried one by one, so only that record's caller sees the
    /// failure; a failure of the store itself (unreachable, commit failed) fails the whole group (see
    /// <see cref="WriteAsync"/>).
    /// </summary>
    /// <remarks>
    /// Cancelling before the record is taken into a transaction withdraws it (the task is cancelled, nothing is
    /// stored); once it is in a transaction the outcome of that transaction is reported, whatever the token says.
    /// </remarks>
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        if (access == AuditStoreAccess.ReadOnly)
        {
            throw new InvalidOperationException("This audit store was opened read-only: no record can be appended.");
        }

        var pending = new PendingAppend(entry, cancellationToken);
        EnsureWriter();
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(GetType().Name, "The audit store is closed: no record can be appended.");
        }

        return await pending.Completion.Task.ConfigureAwait(false);
    }

    /// <summary>The most records one append transaction writes.</summary>
    public const int MaxBatch = 256;

    /// <summary>Append transactions committed by this store (a test sees group commit through it).</summary>
    internal long CommittedTransactions => Interlocked.Read(ref committedTransactions);

    /// <summary>Appends waiting to be taken into a transaction.</summary>
    internal int QueuedAppends => queue.Reader.Count;

    private void EnsureWriter()
    {
        if (Volatile.Read(ref writer) is not null)
        {
            return;
        }

        lock (queue)
        {
            writer ??= Task.Run(WriteLoopAsync);
        }
    }

    /// <summary>The single writer: takes whatever has queued (up to <see cref="MaxBatch"/>), writes it in one transaction, repeats.</summary>
    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                if (next.Cancellation.IsCancellationRequested)
                {
                    next.Completion.TrySetCanceled(next.Cancellation);
                }
                else
                {
                    batch.Add(next);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            await WriteAsync(batch).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes a group of appends in one transaction. When a record's insert fails (nothing of the transaction is then
    /// stored), each append is retried alone, in arrival order, so that one bad record — a value the database refuses,
    /// a trigger — fails only its own caller. A failure that is not about the records (the database cannot be reached
    /// or locked, the commit fails) fails the whole group at once: retrying record by record would only repeat it, and
    /// after a failed commit, whose outcome is unknown, could store the records twice.
    /// </summary>
    private async Task WriteAsync(List<PendingAppend> batch)
    {
        AuditRecord[] records;
        try
        {
            records = await WriteBatchAsync(batch).ConfigureAwait(false);
        }
        catch (StoreFailureException ex)
        {
            Fail(batch, ex.InnerException!);
            return;
        }
#pragma warning disable CA1031 // Any failure belongs to the callers of this batch, not to the writer loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (batch.Count == 1)
            {
                Fail(batch, ex);
                return;
            }

            foreach (var p in batch)
            {
                await WriteAsync([p]).ConfigureAwait(false);
            }

            return;
        }

        Interlocked.Increment(ref committedTransactions);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(records[i]);
        }
    }

    private static void Fail(List<PendingAppend> batch, Exception ex)
    {
        foreach (var p in batch)
        {
            p.Completion.TrySetException(ex);
        }
    }

    /// <summary>
    /// A failure of an append transaction that lies with the store, not with any record it was writing: connecting,
    /// locking the chain head, or committing (the inner exception says why).
    /// </summary>
    private sealed class StoreFailureException(Exception inner) : Exception(inner.Message, inner);

    /// <summary>One transaction: lock and read the chain head, insert each record chained to the one before, move the head, commit.</summary>
    private async Task<AuditRecord[]> WriteBatchAsync(List<PendingAppend> batch)
    {
        // No caller's token reaches the transaction: one caller giving up must not abort the others' records.
        var none = CancellationToken.None;
        await using var c = await StoreStep(() => OpenAsync(none)).ConfigureAwait(false);
        var (tx, lastId, lastHash) = await StoreStep(() => BeginAppendAsync(c, none)).ConfigureAwait(false);
        await using (tx.ConfigureAwait(false))
        {
            var records = new AuditRecord[batch.Count];
            await using (var insert = Command(c, tx, $"INSERT INTO audit_record ({Columns}) VALUES (@id, @at, @case_id, @sha, @kb, @as_of, @result, @prev, @hash)",
                ("@id", 0L), ("@at", ""), ("@case_id", null), ("@sha", ""), ("@kb", ""), ("@as_of", ""), ("@result", ""), ("@prev", ""), ("@hash", "")))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var entry = batch[i].Entry;
                    var id = checked(lastId + 1);
                    var record = new AuditRecord(id, entry, lastHash, AuditChain.Hash(lastHash, id, entry));
                    Set(insert, 0, id);
                    Set(insert, 1, entry.RecordedAt);
                    Set(insert, 2, entry.CaseId);
                    Set(insert, 3, entry.CaseSha256);
                    Set(insert, 4, entry.KnowledgeBaseVersion);
                    Set(insert, 5, entry.AsOf);
                    Set(insert, 6, entry.ResultJson);
                    Set(insert, 7, lastHash);
                    Set(insert, 8, record.Hash);
                    await insert.ExecuteNonQueryAsync(none).ConfigureAwait(false);
                    records[i] = record;
                    (lastId, lastHash) = (id, record.Hash);
                }
            }

            await ExecuteAsync(c, tx, "UPDATE audit_chain_head SET last_id = @id, last_hash = @hash WHERE singleton = 1",
                none, ("@id", lastId), ("@hash", lastHash)).ConfigureAwait(false);
            await StoreStep(() => tx.CommitAsync(none)).ConfigureAwait(false);
            return records;
        }
    }

    /// <summary>Runs a step of an append transaction that concerns the store, not a record: its failure is a <see cref="StoreFailureException"/>.</summary>
    private static async Task<T> StoreStep<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not StoreFailureException)
        {
            throw new StoreFailureException(ex);
        }
    }

    private static async Task StoreStep(Func<Task> step) => await StoreStep(async () =>
    {
        await step().ConfigureAwait(false);
        return true;
    }).ConfigureAwait(false);

    private static void Set(DbCommand command, int index, object? value) => command.Parameters[index].Value = value ?? DBNull.Value;

    /// <summary>An append waiting for its transaction: the entry, the caller's token, and the task the caller awaits.</summary>
    private sealed class PendingAppend(AuditEntry entry, CancellationToken cancellation)
    {
        public AuditEntry Entry { get; } = entry;

        public CancellationToken Cancellation { get; } = cancellation;

        // Continuations run on the thread pool, never inline on the writer loop (which would stall the next batch).
        public TaskCompletionSource<AuditRecord> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <inheritdoc />
    public async Task<AuditPage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var count = Command(c, null, "SELECT COUNT(*) FROM audit_record");
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var records = await QueryAsync(c, $"SELECT {Columns} FROM audit_record ORDER BY id DESC LIMIT @limit OFFSET @offset",
            cancellationToken, ("@limit", (long)limit), ("@offset", (long)offset)).ConfigureAwait(false);
        return new AuditPage(total, records);
    }

    /// <inheritdoc />
    public async Task<AuditRecord?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var records = await QueryAsync(c, $"SELECT {Columns} FROM audit_record WHERE id = @id", cancellationToken, ("@id", id)).ConfigureAwait(false);
        return records.Count == 0 ? null : records[0];
    }

    /// <inheritdoc />
    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default) => VerifyAsync([], cancellationToken);

    /// <summary>
    /// Recomputes the chain from its genesis in one snapshot (appends go on meanwhile) and checks it against
    /// <paramref name="checkpoints"/> (already signature-checked): each checkpoint of this store must name a record
    /// whose hash it signed, no checkpoint may name a record past the head, and the feedback and hook-instance tables
    /// may only have grown since. Throws <see cref="NotAnAuditStoreException"/> when the database holds no audit store.
    /// </summary>
    public async Task<ChainVerification> VerifyAsync(IReadOnlyCollection<AuditCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginSnapshotAsync(c, cancellationToken).ConfigureAwait(false);
        var state = await ReadStateAsync(c, tx, cancellationToken).ConfigureAwait(false)
            ?? throw new NotAnAuditStoreException("the database holds no audit store (no audit_store row: run 'audit migrate')");
        var mine = checkpoints.Where(k => k.StoreId == state.Store.StoreId).ToList();
        var verifier = new ChainVerifier(state.Store, mine);
        await using (var cmd = Command(c, tx, $"SELECT {Columns} FROM audit_record ORDER BY id"))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && verifier.Accept(Read(reader)))
            {
            }
        }

        var verdict = verifier.Finish(state.LastId, state.LastHash);
        if (!verdict.IsIntact)
        {
            return verdict;
        }

        foreach (var k in mine)
        {
            if ((TableShrankOrChanged("feedback", k.Feedback, state.Feedback) ?? TableShrankOrChanged("hook-instance link", k.HookLinks, state.HookLinks)) is { } reason)
            {
                return verdict with { FirstBrokenId = Math.Max(k.LastId, state.Store.FirstId), Reason = $"{reason} since the signed checkpoint of {k.Time}" };
            }
        }

        return verdict;

        static string? TableShrankOrChanged(string what, TableDigest then, TableDigest now) =>
            now.Count < then.Count ? $"{then.Count - now.Count} {what} row(s) were deleted"
            : now.Count == then.Count && now.Digest != then.Digest ? $"{what} rows were changed"
            : null;
    }

    /// <summary>The store's genesis, head and table digests in one snapshot; null when the database holds no (current) audit store.</summary>
    public async Task<AuditState?> ReadStateAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginSnapshotAsync(c, cancellationToken).ConfigureAwait(false);
        return await ReadStateAsync(c, tx, cancellationToken).ConfigureAwait(false);
    }

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

    private async Task<AuditStoreStatus> ProbeAsync(DbConnection c, DbTransaction? tx, CancellationToken cancellationToken)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using (var cmd = Command(c, tx, ExistingTablesSql))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(r.GetString(0));
            }
        }

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
        if (info is not null && info.SchemaVersion >= SchemaVersion)
        {
            // Another store (server) migrated it meanwhile: no DDL (it would wait on, and deadlock with, their appends).
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

        if (MigrateExtraSql.Length > 0)
        {
            await ExecuteAsync(c, tx, MigrateExtraSql, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return info;
    }

    private static async Task<AuditStoreInfo?> ReadStoreAsync(DbConnection c, DbTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = Command(c, tx, $"SELECT {StoreColumns} FROM audit_store WHERE singleton = 1");
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditStoreInfo(r.GetString(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), r.GetString(2), r.GetInt64(3),
                r.GetString(4), NullableString(r, 5), r.IsDBNull(6) ? null : r.GetInt64(6), NullableString(r, 7))
            : null;
    }

    private async Task<AuditState?> ReadStateAsync(DbConnection c, DbTransaction tx, CancellationToken cancellationToken)
    {
        if (await ProbeAsync(c, tx, cancellationToken).ConfigureAwait(false) != AuditStoreStatus.Current)
        {
            return null;
        }

        var info = (await ReadStoreAsync(c, tx, cancellationToken).ConfigureAwait(false))!;
        long lastId;
        string lastHash;
        await using (var head = Command(c, tx, "SELECT last_id, last_hash FROM audit_chain_head WHERE singleton = 1"))
        await using (var h = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            // A missing head row is a chain that vouches for nothing: the verifier then names the first record.
            (lastId, lastHash) = await h.ReadAsync(cancellationToken).ConfigureAwait(false) ? (h.GetInt64(0), h.GetString(1)) : (-1L, "");
        }

        var feedback = await DigestAsync(c, tx, $"SELECT position, {FeedbackColumns} FROM cds_feedback", cancellationToken).ConfigureAwait(false);
        var links = await DigestAsync(c, tx, "SELECT hook_instance, audit_id, service_id, hook, recorded_at FROM cds_hook_instance", cancellationToken).ConfigureAwait(false);
        return new AuditState(info, lastId, lastHash, feedback, links);
    }

    /// <summary>Count and order-independent digest of a table: SHA-256 over the sorted hashes of its rows.</summary>
    private static async Task<TableDigest> DigestAsync(DbConnection c, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        var hashes = new List<string>();
        await using (var cmd = Command(c, tx, sql))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            var fields = new string?[r.FieldCount];
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                }

                hashes.Add(AuditChain.Digest(fields));
            }
        }

        hashes.Sort(StringComparer.Ordinal);
        return new TableDigest(hashes.Count, AuditChain.Sha256(System.Text.Encoding.ASCII.GetBytes(string.Concat(hashes))));
    }

    /// <inheritdoc />
    public async Task LinkHookInstanceAsync(HookInstanceLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(c, null, "INSERT INTO cds_hook_instance (hook_instance, audit_id, service_id, hook, recorded_at) VALUES (@hi, @id, @svc, @hook, @at) ON CONFLICT DO NOTHING",
            cancellationToken, ("@hi", link.HookInstance), ("@id", link.AuditId), ("@svc", link.ServiceId), ("@hook", link.Hook), ("@at", link.RecordedAt)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long?> FindHookInstanceAsync(string hookInstance, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, null, "SELECT MAX(audit_id) FROM cds_hook_instance WHERE hook_instance = @hi", ("@hi", hookInstance));
        var value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task LinkReportAsync(string token, long auditId, string recordedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(c, null, "INSERT INTO cds_report_link (token_sha256, audit_id, recorded_at) VALUES (@t, @id, @at)",
            cancellationToken, ("@t", TokenHash(token)), ("@id", auditId), ("@at", recordedAt)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long?> FindReportAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, null, "SELECT audit_id FROM cds_report_link WHERE token_sha256 = @t", ("@t", TokenHash(token ?? "")));
        var value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Only a token's hash is stored: a copy of the database does not hold the links that open the reports.</summary>
    private static string TokenHash(string token) => AuditChain.Sha256(System.Text.Encoding.UTF8.GetBytes(token));

    /// <inheritdoc />
    public async Task AppendFeedbackAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            await ExecuteAsync(c, tx, $"INSERT INTO cds_feedback (position, {FeedbackColumns}) VALUES (@pos, @id, @at, @svc, @card, @outcome, @accepted, @osys, @ocode, @odisp, @comment, @ts)",
                cancellationToken, ("@pos", (long)i), ("@id", e.Id), ("@at", e.ReceivedAt), ("@svc", e.ServiceId), ("@card", e.Card), ("@outcome", e.Outcome),
                ("@accepted", System.Text.Json.JsonSerializer.Serialize(e.AcceptedSuggestions, AuditJsonContext.Default.IReadOnlyListString)),
                ("@osys", e.OverrideReasonSystem), ("@ocode", e.OverrideReasonCode), ("@odisp", e.OverrideReasonDisplay), ("@comment", e.UserComment),
                ("@ts", e.OutcomeTimestamp)).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FeedbackEntry>> ListFeedbackAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, null, $"SELECT {FeedbackColumns} FROM cds_feedback ORDER BY received_at DESC, position LIMIT @limit OFFSET @offset",
            ("@limit", (long)limit), ("@offset", (long)offset));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<FeedbackEntry>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new FeedbackEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                System.Text.Json.JsonSerializer.Deserialize(r.GetString(5), AuditJsonContext.Default.IReadOnlyListString) ?? [],
                NullableString(r, 6), NullableString(r, 7), NullableString(r, 8), NullableString(r, 9), r.GetString(10)));
        }

        return list;
    }

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

    private static async Task<List<AuditRecord>> QueryAsync(DbConnection c, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, null, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static AuditRecord Read(DbDataReader r) => new(
        r.GetInt64(0),
        new AuditEntry(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6)),
        r.GetString(7),
        r.GetString(8));

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
