using System.Data.Common;

namespace FusionGuide.Server.Audit;

/// <summary>Reading: pages and single records, and verifying the chain in one snapshot.</summary>
public abstract partial class SqlAuditStore
{
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
    public Task<ChainVerification> VerifyAsync(IReadOnlyCollection<AuditCheckpoint> checkpoints, CancellationToken cancellationToken = default) =>
        VerifyAsync(checkpoints, [], cancellationToken);

    /// <summary>
    /// As <see cref="VerifyAsync(IReadOnlyCollection{AuditCheckpoint}, CancellationToken)"/>, stepping over the records that
    /// <paramref name="archives"/> (signature-checked manifests of <c>audit archive</c>) account for.
    /// </summary>
    public async Task<ChainVerification> VerifyAsync(IReadOnlyCollection<AuditCheckpoint> checkpoints, IReadOnlyCollection<AuditArchiveManifest> archives,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(archives);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginSnapshotAsync(c, cancellationToken).ConfigureAwait(false);
        var state = await ReadStateAsync(c, tx, cancellationToken).ConfigureAwait(false)
            ?? throw new NotAnAuditStoreException("the database holds no audit store (no audit_store row: run 'audit migrate')");
        var mine = checkpoints.Where(k => k.StoreId == state.Store.StoreId).ToList();
        var verifier = new ChainVerifier(state.Store, mine, [.. archives.Where(a => a.StoreId == state.Store.StoreId).SelectMany(a => a.Segments)]);
        await using (var cmd = Command(c, tx, $"SELECT {RecordColumns(state.Store.SchemaVersion)} FROM audit_record ORDER BY id"))
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


    private async Task<AuditState?> ReadStateAsync(DbConnection c, DbTransaction tx, CancellationToken cancellationToken)
    {
        // A store of an older schema is read as it is (verify needs no migrate); one without a genesis row is not read.
        if (!(await TablesAsync(c, tx, cancellationToken).ConfigureAwait(false)).Contains("audit_store"))
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

    /// <summary>Every record of <paramref name="table"/> (the records table or one of its partitions, a name this class made), by id.</summary>
    protected static Task<List<AuditRecord>> ReadTableAsync(DbConnection c, DbTransaction? tx, string table, CancellationToken cancellationToken) =>
        QueryAsync(c, tx, $"SELECT {Columns} FROM {table} ORDER BY id", cancellationToken);

    private static Task<List<AuditRecord>> QueryAsync(DbConnection c, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters) => QueryAsync(c, null, sql, cancellationToken, parameters);

    private static async Task<List<AuditRecord>> QueryAsync(DbConnection c, DbTransaction? tx, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    /// <summary>
    /// A record as every reader sees it (and as the verifier hashes it). In format 2 the result is <c>result_br</c>'s
    /// text — unless <c>result_json</c>, which the server leaves empty, holds one: then that is what readers are shown,
    /// so it is what gets hashed (a value written there afterwards breaks the chain instead of hiding beside it).
    /// </summary>
    private static AuditRecord Read(DbDataReader r)
    {
        var format = Convert.ToInt32(r.GetValue(9), System.Globalization.CultureInfo.InvariantCulture);
        var text = r.GetString(6);
        var result = format >= 2 && text.Length == 0 && !r.IsDBNull(10) ? RecordCompression.Decompress(r.GetFieldValue<byte[]>(10)) : text;
        var caseJson = format >= 2 && !r.IsDBNull(11) ? RecordCompression.Decompress(r.GetFieldValue<byte[]>(11)) : null;
        // Read whatever the columns hold, even beside an older record: the verifier refuses a caller its format never held.
        var caller = r.IsDBNull(12) && r.IsDBNull(13) ? null : new AuditCaller(NullableString(r, 12) ?? "", NullableString(r, 13) ?? "");
        return new AuditRecord(
            r.GetInt64(0),
            new AuditEntry(r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetString(4), r.GetString(5), result, caseJson, caller),
            r.GetString(7),
            r.GetString(8),
            format);
    }
}
