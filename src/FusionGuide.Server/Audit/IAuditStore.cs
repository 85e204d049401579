namespace FusionGuide.Server.Audit;

/// <summary>
/// The append-only record of every recommendation served. Records form a hash chain, so that a record changed,
/// removed or inserted after the fact is found by <see cref="VerifyAsync"/>.
/// </summary>
public interface IAuditStore
{
    /// <summary>
    /// Appends one record at the head of the chain. Appends are serialised: concurrent calls never fork it. The task
    /// completes once the record is durably committed (concurrent appends may share one transaction).
    /// </summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Records newest first, skipping <paramref name="offset"/> and returning at most <paramref name="limit"/>.</summary>
    Task<AuditPage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>One record by id, or null.</summary>
    Task<AuditRecord?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the whole chain and names the first record that does not hold.</summary>
    Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>Records which audit record a CDS Hooks call's cards came from (outside the hash chain).</summary>
    Task LinkHookInstanceAsync(HookInstanceLink link, CancellationToken cancellationToken = default);

    /// <summary>The newest audit record linked to <paramref name="hookInstance"/>, or null.</summary>
    Task<long?> FindHookInstanceAsync(string hookInstance, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the report token of one CDS Hooks call (random, new per call, named by its cards' report link)
    /// opens <paramref name="auditId"/>'s result. Only the token's SHA-256 is stored.
    /// </summary>
    Task LinkReportAsync(string token, long auditId, string recordedAt, CancellationToken cancellationToken = default);

    /// <summary>The audit record a report token opens, or null.</summary>
    Task<long?> FindReportAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Stores CDS Hooks feedback items, all or none (outside the hash chain).</summary>
    Task AppendFeedbackAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Stored feedback, newest received first, then in the order it was posted.</summary>
    Task<IReadOnlyList<FeedbackEntry>> ListFeedbackAsync(int offset, int limit, CancellationToken cancellationToken = default);
}

/// <summary>What an audit store may do to its database.</summary>
public enum AuditStoreAccess
{
    /// <summary>Appends, and creates or upgrades the schema when it is not current (the embedded default).</summary>
    Migrate,

    /// <summary>Appends only (INSERT/SELECT on the tables, UPDATE on the head): the schema must be current.</summary>
    AppendOnly,

    /// <summary>Reads only (<c>audit verify</c>): a SQLite file is opened read-only; PostgreSQL needs SELECT only.</summary>
    ReadOnly,
}

/// <summary>What a database holds.</summary>
public enum AuditStoreStatus
{
    /// <summary>No audit tables.</summary>
    Absent,

    /// <summary>An audit store whose schema <c>audit migrate</c> must upgrade.</summary>
    NeedsMigration,

    /// <summary>A current audit store.</summary>
    Current,
}

/// <summary>Where a new store's chain begins: record 1, or after the last checkpoint of the store it replaces.</summary>
public sealed record AuditGenesis(long FirstId, string? PreviousStoreId, long? PreviousLastId, string? PreviousLastHash);

/// <summary>The database holds no audit store (or one this server cannot use without <c>audit migrate</c>).</summary>
public sealed class NotAnAuditStoreException(string message) : InvalidOperationException(message);
