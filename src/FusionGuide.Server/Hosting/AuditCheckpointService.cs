using FusionGuide.Server.Audit;

namespace FusionGuide.Server.Hosting;

/// <summary>
/// At start, checks the audit store against its latest signed checkpoint (and refuses a store that is missing, behind
/// it or another store), prepares the schema when allowed, and writes a checkpoint; then one every interval and one at
/// shutdown.
/// </summary>
/// <remarks>
/// Not disposable on purpose: a test host may dispose the container before it stops the hosted services, and the final
/// checkpoint must still be attempted then (the semaphore and token source hold no unmanaged resource here).
/// </remarks>
#pragma warning disable CA1001 // See remarks.
internal sealed partial class AuditCheckpointService(SqlAuditStore store, ServerSettings settings, TimeProvider clock, ILogger<AuditCheckpointService> log)
    : IHostedService
#pragma warning restore CA1001
{
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private CheckpointDirectory? directory;
    private ICheckpointSigner? signer;
    private AuditCheckpoint? written;
    private Task? loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var cp = settings.Checkpoints;
        var canMigrate = cp.Schema == AuditStoreAccess.Migrate;
        var dirPath = cp.ResolveDirectory(settings.Audit);
        AuditStoreStatus status;
        try
        {
            status = await store.ProbeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex) when (!canMigrate)
        {
            throw new AuditStoreRefusedException($"the audit store cannot be opened ({ex.Message}): create it with 'audit migrate' first");
        }

        if (dirPath is null)
        {
            await PrepareAsync(status, canMigrate, null, cancellationToken).ConfigureAwait(false);
            NoCheckpoints(log);
            return;
        }

        directory = new CheckpointDirectory(dirPath);
        signer = CheckpointChecks.Signer(cp, dirPath);
        var keys = directory.PublishedKeys();
        keys.Add(signer.PublicKey.Span);
        var (checkpoints, problems) = directory.ReadAll(keys);
        if (problems.FirstOrDefault(p => !p.Torn) is { } bad)
        {
            throw new AuditStoreRefusedException($"checkpoint {bad.File}: {bad.Reason}");
        }

        var latest = CheckpointDirectory.Latest(checkpoints)?.Checkpoint;
        if (status == AuditStoreStatus.Absent && latest is not null && !cp.NewChain)
        {
            throw new AuditStoreRefusedException(
                $"the audit store is missing, but the checkpoints in {dirPath} vouch for store {latest.StoreId} up to record {latest.LastId} "
                + $"({latest.Time}): restore it, or begin a new chain (ids from {latest.LastId + 1}) with --audit-new-chain");
        }

        await PrepareAsync(status, canMigrate,
            latest is null ? null : new AuditGenesis(latest.LastId + 1, latest.StoreId, latest.LastId, latest.LastHash), cancellationToken).ConfigureAwait(false);
        var state = await store.ReadStateAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new AuditStoreRefusedException("the audit store could not be read after migrate");
        if (latest is not null && await BehindAsync(state, latest, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            throw new AuditStoreRefusedException($"{reason}. The server will not extend it: records with these ids may be held by an EHR. "
                + "Restore the store, or move it aside and begin a new chain with --audit-new-chain.");
        }

        directory.PublishKey(signer);
        await WriteAsync(state, cancellationToken).ConfigureAwait(false);
        loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        if (directory is not null)
        {
            // The requests have drained (the web server stops first); appends already queued are committed by then.
            try
            {
                await CheckpointAsync(cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Shutdown goes on; the store's next start checks against the last checkpoint written.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                CheckpointFailed(log, ex);
            }
        }
    }

    /// <summary>Writes a checkpoint now, when the store changed since the last one.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (await store.ReadStateAsync(cancellationToken).ConfigureAwait(false) is { } state)
        {
            await WriteAsync(state, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PrepareAsync(AuditStoreStatus status, bool canMigrate, AuditGenesis? genesis, CancellationToken cancellationToken)
    {
        if (status == AuditStoreStatus.Current)
        {
            return;
        }

        if (!canMigrate)
        {
            throw new AuditStoreRefusedException(status == AuditStoreStatus.Absent
                ? "the database holds no audit store, and --audit-schema existing forbids creating one: run 'audit migrate' first"
                : "the audit store's schema is older than this server's, and --audit-schema existing forbids upgrading it: run 'audit migrate' first");
        }

        await store.MigrateAsync(status == AuditStoreStatus.Absent ? genesis : null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> BehindAsync(AuditState state, AuditCheckpoint latest, CancellationToken cancellationToken)
    {
        if (CheckpointChecks.StoreMismatch(state.Store, latest) is { } mismatch)
        {
            return mismatch;
        }

        if (latest.StoreId != state.Store.StoreId)
        {
            return null;
        }

        if (state.LastId < latest.LastId)
        {
            return $"the audit store ends at record {state.LastId}, behind its checkpoint of {latest.Time} at record {latest.LastId} (truncated, or an older copy restored)";
        }

        var hash = latest.LastId == state.Store.FirstId - 1
            ? state.Store.GenesisHash
            : (await store.GetAsync(latest.LastId, cancellationToken).ConfigureAwait(false))?.Hash
              ?? ArchivedHash(latest.LastId);
        return hash == latest.LastHash
            ? null
            : $"record {latest.LastId} of the audit store is not the one its checkpoint of {latest.Time} vouches for (rewritten)";
    }

    /// <summary>The hash a signed archive manifest gives the last record of a run ending at <paramref name="id"/> (a month archived since).</summary>
    private string? ArchivedHash(long id) => directory is null ? null
        : ArchiveManifests.ReadAll(directory, directory.PublishedKeys()).Manifests.SelectMany(m => m.Manifest.Segments).FirstOrDefault(s => s.LastId == id)?.LastHash;

    private async Task WriteAsync(AuditState state, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var checkpoint = AuditCheckpoint.Of(state, clock.GetUtcNow());
            if (written is not null && written with { Time = checkpoint.Time } == checkpoint)
            {
                return;
            }

            await directory!.WriteAsync(checkpoint, signer!, cancellationToken).ConfigureAwait(false);
            written = checkpoint;
        }
        finally
        {
            writeGate.Release();
        }
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(settings.Checkpoints.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    await CheckpointAsync(stopping.Token).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A failed checkpoint is logged; the next interval retries and the server keeps answering.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    CheckpointFailed(log, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit checkpoints are off: nothing outside the database anchors the audit chain (give --audit-checkpoints DIR)")]
    private static partial void NoCheckpoints(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing an audit checkpoint failed (the next interval tries again)")]
    private static partial void CheckpointFailed(ILogger logger, Exception exception);
}
