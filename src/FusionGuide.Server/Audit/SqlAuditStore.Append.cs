using System.Data.Common;

namespace FusionGuide.Server.Audit;

/// <summary>Appending: the single writer loop that group-commits concurrent appends.</summary>
public abstract partial class SqlAuditStore
{

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
            await using (var insert = Command(c, tx, $"INSERT INTO audit_record ({Columns}) VALUES (@id, @at, @case_id, @sha, @kb, @as_of, '', @prev, @hash, @format, @result_br, @case_br, @caller_kind, @caller_name)",
                ("@id", 0L), ("@at", ""), ("@case_id", null), ("@sha", ""), ("@kb", ""), ("@as_of", ""), ("@prev", ""), ("@hash", ""),
                ("@format", AuditRecord.CurrentFormat), ("@result_br", Array.Empty<byte>()), ("@case_br", null), ("@caller_kind", ""), ("@caller_name", "")))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    // Who asked is always named in a new record: a caller left unset is recorded as anonymous, not as nothing.
                    var entry = batch[i].Entry.Caller is null ? batch[i].Entry with { Caller = AuditCaller.Anonymous } : batch[i].Entry;
                    var id = checked(lastId + 1);
                    var record = new AuditRecord(id, entry, lastHash, AuditChain.Hash(lastHash, id, entry));
                    Set(insert, 0, id);
                    Set(insert, 1, entry.RecordedAt);
                    Set(insert, 2, entry.CaseId);
                    Set(insert, 3, entry.CaseSha256);
                    Set(insert, 4, entry.KnowledgeBaseVersion);
                    Set(insert, 5, entry.AsOf);
                    Set(insert, 6, lastHash);
                    Set(insert, 7, record.Hash);
                    Set(insert, 9, RecordCompression.Compress(entry.ResultJson));
                    Set(insert, 10, entry.CaseJson is null ? null : RecordCompression.Compress(entry.CaseJson));
                    Set(insert, 11, entry.Caller!.Kind);
                    Set(insert, 12, entry.Caller.Name);
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
}
