namespace FusionGuide.Server.Audit;

/// <summary>Walks records in id order and finds the first one whose link or content does not hold.</summary>
internal sealed class ChainVerifier
{
    private string expectedPrev = AuditChain.Genesis;
    private long expectedId = 1;

    public long Count { get; private set; }

    public ChainVerification? Broken { get; private set; }

    /// <summary>Checks the next record; returns false once the chain is broken (later records are not read).</summary>
    public bool Accept(AuditRecord record)
    {
        Count++;
        var reason =
            record.Id != expectedId ? $"expected record {expectedId} next, found {record.Id} (a record is missing or was inserted)"
            : record.PrevHash != expectedPrev ? "its previous hash does not match the hash of the record before it"
            : AuditChain.Hash(record.PrevHash, record.Id, record.Entry) != record.Hash ? "its content does not match its hash"
            : null;
        if (reason is not null)
        {
            Broken = new ChainVerification(Count, Math.Min(record.Id, expectedId), reason);
            return false;
        }

        expectedPrev = record.Hash;
        expectedId++;
        return true;
    }

    /// <summary>The verdict once every record was read: the chain head must name the last record.</summary>
    public ChainVerification Finish(long headId, string headHash)
    {
        if (Broken is not null)
        {
            return Broken;
        }

        var lastId = expectedId - 1;
        if (headId != lastId || headHash != expectedPrev)
        {
            // Records at the end were removed (or the head was edited): the first one the head vouches for is missing.
            var missing = headId > lastId ? lastId + 1 : headId;
            return new ChainVerification(Count, Math.Max(missing, 1), $"the chain head names record {headId}, but the last record is {lastId}");
        }

        return new ChainVerification(Count, null, null);
    }
}
