using FusionGuide.Server.Audit;

namespace FusionGuide.Server.Hosting;

/// <summary>
/// PostgreSQL only: keeps the month partitions of the audit records ready ahead of time — the current month and the
/// next <see cref="PostgresAuditStore.MonthsAhead"/> — at start and every 12 hours, so that records land in their
/// month's partition, not in the default one. A failure (the role lacks EXECUTE on the function, a store not yet
/// partitioned) is logged and the server goes on: an append never needs a month partition (the default one takes it).
/// </summary>
internal sealed partial class AuditPartitionService(SqlAuditStore store, TimeProvider clock, ILogger<AuditPartitionService> log) : BackgroundService
{
    /// <summary>Time between two checks.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(12);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not PostgresAuditStore pg)
        {
            return;
        }

        do
        {
            try
            {
                if (await pg.AddMonthsAheadAsync(stoppingToken).ConfigureAwait(false) is var created and > 0)
                {
                    Created(log, created);
                }
            }
#pragma warning disable CA1031 // Logged; the next check tries again and appends go on (the default partition takes them).
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                Failed(log, ex.Message);
            }
        }
        while (await Delay(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> Delay(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Count} audit record partition(s) for the months ahead")]
    private static partial void Created(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not create the audit record partitions ahead ({Reason}): run 'audit migrate' as the owner, and GRANT EXECUTE ON FUNCTION fusionguide_audit_add_months(integer) to the server's role")]
    private static partial void Failed(ILogger logger, string reason);
}
