using FusionGuide.Domain.Validation;
using FusionGuide.Server.Audit;

namespace FusionGuide.Server.Commands;

/// <summary>
/// <c>audit archive</c> (detach a past month of a PostgreSQL store with a signed manifest) and
/// <c>audit verify --archive DIR</c> (check an archived month on its own). The procedure around them — pg_dump, keeping
/// the archive on WORM storage, dropping the detached table — is docs/audit-sizing.md and scripts/audit-archive-month.sh.
/// </summary>
internal static class AuditArchiveCommands
{
    public static async Task<int> ArchiveAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.ParseConfigured(args, CommandTable.AuditArchive);
        var options = line.AuditStore();
        var (month, outDir, cpPath) = (line.Option("--month"), line.Option("--out"), line.Option("--audit-checkpoints"));
        if (options.IsSqlite)
        {
            line.Problems.Add(new Problem("--postgres", "audit archive works on a PostgreSQL store (a SQLite store is archived whole, by period: docs/audit-sizing.md)"));
        }

        DateOnly first = default;
        if (month is null || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out first))
        {
            line.Problems.Add(new Problem("--month", "give the month to archive as YYYY-MM"));
        }
        else if (first.AddMonths(1) > DateOnly.FromDateTime(DateTime.UtcNow))
        {
            line.Problems.Add(new Problem("--month", $"{month} has not ended (UTC): only past months are archived"));
        }

        if (outDir is null || (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any()))
        {
            line.Problems.Add(new Problem("--out", "give a new (or empty) directory for the archive"));
        }

        if (cpPath is null or "off")
        {
            line.Problems.Add(new Problem("--audit-checkpoints", "the signed checkpoint directory is needed: an archived month is vouched for by a checkpoint and a signed manifest"));
        }

        var keyFile = line.Option("--audit-key") ?? (cpPath is null or "off" ? null : AuditCheckpointSettings.DefaultKeyFile(cpPath));
        if (keyFile is not null && !File.Exists(keyFile))
        {
            line.Problems.Add(new Problem("--audit-key", $"the checkpoint signing key is needed to sign the archive manifest; there is none at {Path.GetFullPath(keyFile)}"));
        }

        var (dir, keys, _) = ServerProgram.CheckpointKeysFor(line, options);
        if (line.Problems.Count > 0)
        {
            return ServerProgram.Problems(stderr, line.Problems);
        }

        using var signer = EcdsaCheckpointSigner.FromPemFile(keyFile!);
        keys.Add(signer.PublicKey.Span);
        var (checkpoints, problems) = dir!.ReadAll(keys);
        var (archives, archiveProblems) = ArchiveManifests.ReadAll(dir, keys);
        if (problems.Concat(archiveProblems).FirstOrDefault(p => !p.Torn) is { } forged)
        {
            await stdout.WriteLineAsync($"broken: {forged.File}: {forged.Reason}; nothing archived");
            return ExitCodes.ChainBroken;
        }

        await using var store = new PostgresAuditStore(options.PostgresConnection!, AuditStoreAccess.Migrate);
        var state = await store.ReadStateAsync();
        if (state is null)
        {
            return ServerProgram.Problems(stderr, [new Problem("--postgres", "not an audit store")]);
        }

        var mine = checkpoints.Select(c => c.Checkpoint).Where(c => c.StoreId == state.Store.StoreId).ToList();
        var v = await store.VerifyAsync(mine, [.. archives.Select(a => a.Manifest)]);
        if (!v.IsIntact)
        {
            await stdout.WriteLineAsync($"broken: record {v.FirstBrokenId}: {v.Reason}; nothing archived (run audit verify)");
            return ExitCodes.ChainBroken;
        }

        if (archives.Any(a => a.Manifest.StoreId == state.Store.StoreId && a.Manifest.Month == month))
        {
            return ServerProgram.Problems(stderr, [new Problem("--month", $"{month} of store {state.Store.StoreId} is already archived")]);
        }

        (string Table, List<AuditRecord> Records)? read;
        try
        {
            read = await store.ReadMonthAsync(month!);
        }
        catch (NotAnAuditStoreException ex)
        {
            return ServerProgram.Problems(stderr, [new Problem("--month", $"{ex.Message}: run 'audit migrate' first")]);
        }

        if (read is not { Records.Count: > 0 } month1)
        {
            return ServerProgram.Problems(stderr, [new Problem("--month", read is null
                ? $"there is no partition {PostgresAuditStore.PartitionOf(month!)} attached (a store not yet partitioned: run 'audit migrate'; or the month was detached already)"
                : $"{month} holds no records: nothing to archive")]);
        }

        var segments = ArchivedSegment.Of(month1.Records);
        var covering = checkpoints.Where(c => c.Checkpoint.StoreId == state.Store.StoreId && c.Checkpoint.LastId >= segments[^1].LastId)
            .OrderBy(c => c.Checkpoint.LastId).ThenBy(c => c.Checkpoint.Time, StringComparer.Ordinal).FirstOrDefault();
        if (covering is null)
        {
            return ServerProgram.Problems(stderr, [new Problem("audit", $"no signed checkpoint covers record {segments[^1].LastId}, the last of {month}, yet: "
                + "wait for the server's next checkpoint (--audit-checkpoint-interval) or stop it, then archive")]);
        }

        var k = covering.Checkpoint;
        var manifest = new AuditArchiveManifest(state.Store.StoreId, month!, month1.Table, month1.Records.Count, segments,
            DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture), k.LastId, k.LastHash, k.Time);
        var signed = await SignedArchiveManifest.SignAsync(manifest, signer, CancellationToken.None);
        var archive = new CheckpointDirectory(outDir!);
        Directory.CreateDirectory(archive.Path);
        signed.WriteNew(Path.Combine(archive.Path, SignedArchiveManifest.FileName));
        archive.CopyIn(covering);
        archive.PublishKey(signer);
        // The manifest goes beside the checkpoints before the month leaves the store: the live chain is verifiable across
        // the gap from the moment there is one.
        signed.WriteNew(Path.Combine(dir.Path, signed.CheckpointDirectoryName()));
        await store.DetachAsync(month1.Table);
        await stdout.WriteLineAsync($"archived: {month}: records {manifest.Ranges} ({manifest.Count} records) of store {manifest.StoreId}, "
            + $"with the signed checkpoint at record {k.LastId} ({k.Time}); table {month1.Table} detached. "
            + $"Next: pg_dump --format=custom --table={month1.Table} > {Path.Combine(archive.Path, month1.Table + ".dump")}, "
            + $"check it (restore, then audit verify --archive {archive.Path}), then DROP TABLE {month1.Table}");
        return ExitCodes.Ok;
    }

    /// <summary>Checks an archived month on its own: the signed manifest, the checkpoint copied with it, and the restored table.</summary>
    public static async Task<int> VerifyArchiveAsync(CommandLine line, AuditStoreOptions options, string archivePath, TextWriter stdout, TextWriter stderr)
    {
        var archive = new CheckpointDirectory(archivePath);
        var signed = SignedArchiveManifest.Read(Path.Combine(archive.Path, SignedArchiveManifest.FileName));
        if (signed is null)
        {
            line.Problems.Add(new Problem("--archive", $"{archive.Path} holds no archive manifest ({SignedArchiveManifest.FileName})"));
        }

        if (options.IsSqlite)
        {
            line.Problems.Add(new Problem("--postgres", "name the database the archive's dump was restored into"));
        }

        var keys = new CheckpointKeys();
        var pinned = line.Option("--audit-public-key") ?? line.Option("--audit-key");
        try
        {
            if (pinned is not null)
            {
                keys.AddPemFile(pinned);
            }
            else
            {
                keys = archive.PublishedKeys();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            line.Problems.Add(new Problem(pinned is null ? "--archive" : "--audit-public-key", $"cannot read the key: {ex.Message}"));
        }

        if (line.Problems.Count > 0)
        {
            return ServerProgram.Problems(stderr, line.Problems);
        }

        var m = signed!.Manifest;
        if (signed.Check(keys) is { } bad)
        {
            return await Broken($"its manifest does not hold: {bad}");
        }

        var (checkpoints, _) = archive.ReadAll(keys);
        var k = checkpoints.Select(c => c.Checkpoint).FirstOrDefault(c => c.StoreId == m.StoreId && c.LastId == m.CheckpointLastId && c.LastHash == m.CheckpointLastHash && c.Time == m.CheckpointTime);
        if (k is null || k.LastId < m.Segments[^1].LastId)
        {
            return await Broken($"the signed checkpoint its manifest names (record {m.CheckpointLastId}, {m.CheckpointTime}) is not in the archive");
        }

        List<AuditRecord> records;
        await using (var store = new PostgresAuditStore(options.PostgresConnection!, AuditStoreAccess.ReadOnly))
        {
            try
            {
                records = await store.ReadArchivedTableAsync(m.Table);
            }
            catch (System.Data.Common.DbException ex)
            {
                return await Broken($"its table {m.Table} cannot be read ({ex.Message}): restore the dump into this database first");
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var reason = AuditChain.Hash(r.PrevHash, r.Id, r.Entry, r.Format) != r.Hash ? "its content does not match its hash"
                : i > 0 && records[i - 1].Id == r.Id - 1 && records[i - 1].Hash != r.PrevHash ? "its previous hash does not match the hash of the record before it"
                : r.Id == k.LastId && r.Hash != k.LastHash ? "its hash is not the one signed in the checkpoint"
                : null;
            if (reason is not null)
            {
                return await Broken($"record {r.Id}: {reason}");
            }
        }

        if (records.Count != m.Count || !ArchivedSegment.Of(records).SequenceEqual(m.Segments))
        {
            return await Broken($"it holds records {new AuditArchiveManifest(m.StoreId, m.Month, m.Table, records.Count, records.Count == 0 ? [] : ArchivedSegment.Of(records), "", 0, "", "").Ranges} "
                + $"({records.Count}), but its signed manifest names {m.Ranges} ({m.Count}): records were removed, added or rewritten");
        }

        await stdout.WriteLineAsync($"intact: archive of {m.Month}: {m.Count} records ({m.Ranges}) of store {m.StoreId} in {m.Table}; "
            + $"manifest signed {m.Time}, with the signed checkpoint at record {k.LastId} ({k.Time})"
            + (pinned is null ? "; signatures checked against the key in the archive (pin one with --audit-public-key)" : ""));
        return ExitCodes.Ok;

        async Task<int> Broken(string reason)
        {
            await stdout.WriteLineAsync($"broken: archive {archive.Path}: {reason}");
            return ExitCodes.ChainBroken;
        }
    }
}
