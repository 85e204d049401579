namespace FusionGuide.Server.Audit;

/// <summary>
/// The append-only record of every recommendation served. Records form a hash chain, so that a record changed,
/// removed or inserted after the fact is found by <see cref="VerifyAsync"/>.
/// </summary>
public interface IAuditStore
{
    /// <summary>Appends one record at the head of the chain. Appends are serialised: concurrent calls never fork it.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Records newest first, skipping <paramref name="offset"/> and returning at most <paramref name="limit"/>.</summary>
    Task<AuditPage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>One record by id, or null.</summary>
    Task<AuditRecord?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the whole chain and names the first record that does not hold.</summary>
    Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
