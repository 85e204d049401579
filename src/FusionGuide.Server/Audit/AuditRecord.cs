namespace FusionGuide.Server.Audit;

/// <summary>What the server knows about one recommendation when it records it.</summary>
/// <param name="RecordedAt">When it was served, UTC, in round-trip ISO 8601 form (stored as text, hashed as written).</param>
/// <param name="CaseId">The case's own id, when it has one.</param>
/// <param name="CaseSha256">SHA-256 of the request body exactly as received (lower-case hex).</param>
/// <param name="KnowledgeBaseVersion">The knowledge-base version that produced the result.</param>
/// <param name="AsOf">The evaluation date (YYYY-MM-DD).</param>
/// <param name="ResultJson">The result, in the contract's compact JSON form.</param>
public sealed record AuditEntry(
    string RecordedAt, string? CaseId, string CaseSha256, string KnowledgeBaseVersion, string AsOf, string ResultJson);

/// <summary>A stored audit record: the entry, its place in the chain and the hashes that link it.</summary>
/// <param name="Id">Position in the chain, from 1.</param>
/// <param name="Entry">What was recorded.</param>
/// <param name="PrevHash">The hash of the record before (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 of <paramref name="PrevHash"/> and the canonical fields (see <see cref="AuditChain"/>).</param>
public sealed record AuditRecord(long Id, AuditEntry Entry, string PrevHash, string Hash);

/// <summary>One page of records, newest first.</summary>
public sealed record AuditPage(long Total, IReadOnlyList<AuditRecord> Records);

/// <summary>The outcome of recomputing the chain.</summary>
/// <param name="Count">Records read.</param>
/// <param name="FirstBrokenId">The first record that does not hold, or null when the chain is intact.</param>
/// <param name="Reason">Why that record does not hold.</param>
public sealed record ChainVerification(long Count, long? FirstBrokenId, string? Reason)
{
    /// <summary>True when every record holds and the chain head names the last one.</summary>
    public bool IsIntact => FirstBrokenId is null;
}
