namespace FusionGuide.Server.Audit;

/// <summary>The tables beside the chain: CDS Hooks hook-instance and report links, and feedback.</summary>
public abstract partial class SqlAuditStore
{
    private const string FeedbackColumns = "id, received_at, service_id, card, outcome, accepted_suggestions, override_system, override_code, override_display, user_comment, outcome_timestamp";

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
}
