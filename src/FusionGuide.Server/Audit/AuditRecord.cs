namespace FusionGuide.Server.Audit;

/// <summary>What the server knows about one recommendation when it records it.</summary>
/// <param name="RecordedAt">When it was served, UTC, in round-trip ISO 8601 form (stored as text, hashed as written).</param>
/// <param name="CaseId">The case's own id, when it has one.</param>
/// <param name="CaseSha256">SHA-256 of the request body exactly as received (lower-case hex).</param>
/// <param name="KnowledgeBaseVersion">The knowledge-base version that produced the result.</param>
/// <param name="AsOf">The evaluation date (YYYY-MM-DD).</param>
/// <param name="ResultJson">The result, in the contract's compact JSON form.</param>
/// <param name="CaseJson">
/// The case the result was computed from, so that the answer can be replayed: for <c>/v1/recommend</c> the request
/// body exactly as received (its SHA-256 is <paramref name="CaseSha256"/>); for a CDS Hooks call the case read from the
/// FHIR resources, in the contract's compact JSON (never the hook request itself, which may carry the EHR's access
/// token). Null in records written before schema 3.
/// </param>
/// <param name="Caller">Who asked (record format 3 on; null in older records): never a secret, only its kind and name.</param>
public sealed record AuditEntry(
    string RecordedAt, string? CaseId, string CaseSha256, string KnowledgeBaseVersion, string AsOf, string ResultJson, string? CaseJson = null,
    AuditCaller? Caller = null);

/// <summary>
/// Who asked for a recommendation, as the audit trail names them: how they were authenticated and the name that
/// authentication gave — a named API key's name, an OIDC token's subject, the user a trusted reverse proxy vouched for,
/// the CDS client's issuer and subject — or <see cref="Anonymous"/> on a server that lets anyone ask. Never a key or token.
/// </summary>
/// <param name="Kind">One of <c>api-key</c>, <c>oidc</c>, <c>proxy</c>, <c>cds-client</c>, <c>cds-client-unverified</c>, <c>anonymous</c>.</param>
/// <param name="Name">The name within that kind (empty for <c>anonymous</c>).</param>
public sealed record AuditCaller(string Kind, string Name)
{
    /// <summary>A caller the server did not ask to authenticate.</summary>
    public static readonly AuditCaller Anonymous = new("anonymous", "");

    /// <inheritdoc />
    public override string ToString() => Name.Length == 0 ? Kind : $"{Kind}:{Name}";
}

/// <summary>A stored audit record: the entry, its place in the chain and the hashes that link it.</summary>
/// <param name="Id">Position in the chain, from 1.</param>
/// <param name="Entry">What was recorded.</param>
/// <param name="PrevHash">The hash of the record before (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 of <paramref name="PrevHash"/> and the canonical fields (see <see cref="AuditChain"/>).</param>
/// <param name="Format">
/// How the record is stored and hashed: 1 (before schema 3) the result as text, no case, the case not hashed; 2 the
/// result and case compressed (<see cref="RecordCompression"/>), the case hashed too; 3 (schema 4) as 2, with who asked
/// (<see cref="AuditEntry.Caller"/>) stored and hashed.
/// </param>
public sealed record AuditRecord(long Id, AuditEntry Entry, string PrevHash, string Hash, int Format = AuditRecord.CurrentFormat)
{
    /// <summary>The format new records are written in.</summary>
    public const int CurrentFormat = 3;
}

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

    /// <summary>The archived runs the chain was followed through (PostgreSQL months detached by <c>audit archive</c>); null: none.</summary>
    public IReadOnlyList<ArchivedSegment>? Archived { get; init; }
}

/// <summary>The store's genesis: who it is and where its chain begins (the <c>audit_store</c> row, written once by migrate).</summary>
/// <param name="StoreId">A random id given when the store was created; checkpoints name it.</param>
/// <param name="SchemaVersion">The schema version <c>audit migrate</c> last brought the store to.</param>
/// <param name="CreatedAt">When the store was created, UTC, round-trip ISO 8601.</param>
/// <param name="FirstId">The id of the chain's first record (1, or after the last checkpoint of the store before it).</param>
/// <param name="GenesisHash">The previous hash of the first record (see <see cref="AuditChain.GenesisHash"/>).</param>
/// <param name="PreviousStoreId">The store this chain follows, when it was begun with <c>--audit-new-chain</c>.</param>
/// <param name="PreviousLastId">The last record of that store its last checkpoint named.</param>
/// <param name="PreviousLastHash">That record's hash.</param>
public sealed record AuditStoreInfo(string StoreId, int SchemaVersion, string CreatedAt, long FirstId, string GenesisHash,
    string? PreviousStoreId, long? PreviousLastId, string? PreviousLastHash);

/// <summary>How many rows a table beside the chain holds, and a digest of them (independent of row order).</summary>
public sealed record TableDigest(long Count, string Digest);

/// <summary>One consistent view of a store: its genesis, its head and digests of the tables beside the chain.</summary>
public sealed record AuditState(AuditStoreInfo Store, long LastId, string LastHash, TableDigest Feedback, TableDigest HookLinks);
