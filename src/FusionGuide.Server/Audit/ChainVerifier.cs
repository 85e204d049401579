namespace FusionGuide.Server.Audit;

/// <summary>
/// Walks records in id order from the store's genesis and finds the first one whose link or content does not hold,
/// or that differs from what a signed checkpoint of this store says it was. Records taken out by <c>audit archive</c>
/// (a PostgreSQL month detached with its signed manifest) are stepped over: a gap in the ids holds only where an archived
/// run begins exactly there, chained to the record before, and the next record is chained to the run's last hash.
/// </summary>
internal sealed class ChainVerifier
{
    private readonly AuditStoreInfo store;
    private readonly Dictionary<long, AuditCheckpoint> checkpoints = [];
    private readonly long highestCheckpointed;
    private readonly Dictionary<long, List<ArchivedSegment>> archived = [];
    private readonly List<ArchivedSegment> bridged = [];
    private string expectedPrev;
    private long expectedId;

    public ChainVerifier(AuditStoreInfo store, IReadOnlyList<AuditCheckpoint> checkpointsOfThisStore, IReadOnlyList<ArchivedSegment>? archivedOfThisStore = null)
    {
        foreach (var s in archivedOfThisStore ?? [])
        {
            (archived.TryGetValue(s.FirstId, out var list) ? list : archived[s.FirstId] = []).Add(s);
        }

        this.store = store;
        expectedPrev = store.GenesisHash;
        expectedId = store.FirstId;
        highestCheckpointed = store.FirstId - 1;
        foreach (var k in checkpointsOfThisStore.OrderBy(k => k.Time, StringComparer.Ordinal))
        {
            checkpoints[k.LastId] = k;
            highestCheckpointed = Math.Max(highestCheckpointed, k.LastId);
        }

        // The genesis itself: derived from the store's row (a store from before store ids keeps 64 zeros at record 1).
        var genesisHolds = store.GenesisHash == AuditChain.GenesisHash(store)
            || (store.GenesisHash == AuditChain.Genesis && store.FirstId == 1 && store.PreviousStoreId is null);
        if (!genesisHolds)
        {
            Broken = new ChainVerification(0, store.FirstId, "the store's genesis row does not match its genesis hash (it was rewritten)");
        }
        else if (checkpoints.TryGetValue(store.FirstId - 1, out var empty) && empty.LastHash != store.GenesisHash)
        {
            Broken = new ChainVerification(0, store.FirstId, $"the store's genesis is not the one signed in the checkpoint of {empty.Time} (it was rewritten)");
        }
    }

    public long Count { get; private set; }

    public ChainVerification? Broken { get; private set; }

    /// <summary>The archived runs the chain was followed through, in id order.</summary>
    public IReadOnlyList<ArchivedSegment> Bridged => bridged;

    /// <summary>Checks the next record; returns false once the chain is broken (later records are not read).</summary>
    public bool Accept(AuditRecord record)
    {
        if (Broken is not null)
        {
            return false;
        }

        Count++;
        BridgeTo(record.Id);
        var reason =
            record.Id != expectedId ? $"expected record {expectedId} next, found {record.Id} (a record is missing or was inserted"
                + (record.Id > expectedId ? $"; no signed archive manifest accounts for records {expectedId}–{record.Id - 1}: deleted, or a partition dropped without 'audit archive')" : ")")
            : record.PrevHash != expectedPrev ? "its previous hash does not match the hash of the record before it"
            : record.Format is < 1 or > AuditRecord.CurrentFormat ? $"its format {record.Format} is not one this verifier knows"
            // Before format 3 the caller is not hashed: a caller written beside such a record afterwards is a change, not a value.
            : record.Format < 3 && record.Entry.Caller is not null ? $"it names a caller ({record.Entry.Caller}), which its format {record.Format} never holds"
            : AuditChain.Hash(record.PrevHash, record.Id, record.Entry, record.Format) != record.Hash ? "its content does not match its hash"
            : checkpoints.TryGetValue(record.Id, out var k) && k.LastHash != record.Hash
                ? $"its hash is not the one signed in the checkpoint of {k.Time}: the chain up to it was rewritten and rehashed"
            : null;
        if (reason is not null)
        {
            Broken = new ChainVerification(Count, Math.Max(Math.Min(record.Id, expectedId), store.FirstId), reason);
            return false;
        }

        expectedPrev = record.Hash;
        expectedId++;
        return true;
    }

    /// <summary>The verdict once every record was read: the chain head must name the last record, and no checkpoint a later one.</summary>
    public ChainVerification Finish(long headId, string headHash)
    {
        if (Broken is not null)
        {
            return Broken;
        }

        BridgeTo(headId + 1);
        var lastId = expectedId - 1;
        if (headId != lastId || headHash != expectedPrev)
        {
            // Records at the end were removed (or the head was edited): the first one the head vouches for is missing.
            // Or records were added past the head: the first one the head does not vouch for is named.
            var missing = headId > lastId ? lastId + 1 : headId < lastId ? headId + 1 : headId;
            return new ChainVerification(Count, Math.Max(missing, store.FirstId), $"the chain head names record {headId}, but the last record is {lastId}");
        }

        if (highestCheckpointed > lastId)
        {
            var k = checkpoints[highestCheckpointed];
            return new ChainVerification(Count, lastId + 1,
                $"the store ends at record {lastId}, but the checkpoint of {k.Time} was signed at record {highestCheckpointed}: records were cut off (truncated, or an older copy restored)");
        }

        return new ChainVerification(Count, null, null) { Archived = bridged.Count == 0 ? null : bridged };
    }

    /// <summary>Follows archived runs from the next expected id while they lead towards <paramref name="id"/> and chain on.</summary>
    private void BridgeTo(long id)
    {
        while (expectedId < id && archived.TryGetValue(expectedId, out var runs)
            && runs.FirstOrDefault(s => s.PrevHash == expectedPrev && s.LastId < id) is { } run)
        {
            bridged.Add(run);
            expectedId = run.LastId + 1;
            expectedPrev = run.LastHash;
        }
    }
}
