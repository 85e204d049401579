using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;
using FusionGuide.Server.Operations;

namespace FusionGuide.Server.Commands;

/// <summary>
/// Runs the server's command line: <see cref="Router"/> finds the command in the one table (<see cref="CommandTable"/>:
/// <c>serve</c>, <c>audit verify</c>, <c>audit migrate</c> and the FHIR commands), and <see cref="Handlers"/> runs it.
/// </summary>
public static class ServerProgram
{
    /// <summary>The server's entry for each command of the table it runs (a test holds the two together).</summary>
    internal static readonly IReadOnlyDictionary<CommandSpec, Func<string[], TextWriter, TextWriter, Task<int>>> Handlers =
        new Dictionary<CommandSpec, Func<string[], TextWriter, TextWriter, Task<int>>>
        {
            [CommandTable.Serve] = (args, _, stderr) => ServeAsync(args, stderr),
            [CommandTable.AuditVerify] = AuditVerifyAsync,
            [CommandTable.AuditMigrate] = AuditMigrateAsync,
            [CommandTable.AuditArchive] = AuditArchiveCommands.ArchiveAsync,
            [CommandTable.AuditList] = AuditListCommand.RunAsync,
            [CommandTable.KeysAdd] = (args, stdout, stderr) => Task.FromResult(KeysCommands.Add(args, stdout, stderr)),
            [CommandTable.KeysHash] = (args, stdout, stderr) => Task.FromResult(KeysCommands.Hash(args, Console.In, stdout, stderr)),
            // The FHIR commands live here, not in the Native AOT CLI: the Firely SDK needs the JIT.
            [CommandTable.Fhir] = (args, stdout, stderr) => Task.FromResult(FhirCommands.Run(["fhir", .. args], stdout, stderr)),
            [CommandTable.RecommendFhir] = (args, stdout, stderr) => Task.FromResult(FhirCommands.Run(["recommend", .. args], stdout, stderr)),
        };

    /// <summary>Runs a command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        // Host settings alone (how WebApplicationFactory and other hosts start an app) mean serve.
        if (args is [var first, ..] && first.StartsWith("--", StringComparison.Ordinal) && first is not ("--help" or "--version"))
        {
            return await ServeAsync(args, stderr);
        }

        var routed = Router.Route(args, Executable.Server);
        if (routed.Problem is { } problem)
        {
            return Problems(stderr, [problem]);
        }

        if (routed.Print is { } text)
        {
            return Print(stdout, text);
        }

        return routed.Version
            ? Print(stdout, $"fusionguide-server {SoftwareVersion.Current}; contract {FusionGuide.Domain.Wire.ContractVersion.Current}")
            : await Handlers[routed.Command!](routed.Rest, stdout, stderr);
    }

    private static async Task<int> ServeAsync(string[] args, TextWriter stderr)
    {
        var line = CommandLine.ParseConfigured(args, CommandTable.Serve);
        var (knowledge, knowledgeDir) = line.Knowledge();
        var settings = new ServerSettings
        {
            Knowledge = knowledge, KnowledgeDirectory = knowledgeDir,
            ConfigFile = line.ConfigFile,
            Audit = line.AuditStore(), ApiKey = line.ApiKey(), Cds = line.Cds(), TrustedProxies = line.TrustedProxies(), PublicUrl = line.PublicUrl(),
            Checkpoints = line.Checkpoints(), ApiKeys = line.ApiKeys(), Oidc = line.Oidc(), ProxyUserHeader = line.ProxyUserHeader(),
        };
        if (line.Problems.Count > 0)
        {
            return Problems(stderr, line.Problems);
        }

        var hostArgs = line.HostArgs.ToList();
        if (!hostArgs.Any(a => a.StartsWith("--urls=", StringComparison.OrdinalIgnoreCase)))
        {
            hostArgs.Add($"--urls={line.Option("--urls") ?? CommandLine.DefaultUrls}");
        }

        await using var app = ServerApp.Create([.. hostArgs], settings);
        try
        {
            await app.RunAsync();
        }
        catch (Exception ex) when (Refusal(ex) is { } refused)
        {
            Problems(stderr, [new Problem("audit", refused.Message)]);
            return ExitCodes.ChainBroken;
        }
        catch (Exception ex) when (AuditUnavailableHandler.IsAuditUnavailable(ex))
        {
            // Fail fast: a server that cannot record would answer every recommendation 503.
            stderr.WriteLine(ContractJson.Serialize(new List<Problem> { new("audit", $"the audit store cannot be opened ({settings.Audit.Describe()}): {ex.Message}") }));
            return ExitCodes.Internal;
        }

        return ExitCodes.Ok;

        static AuditStoreRefusedException? Refusal(Exception ex) => ex switch
        {
            AuditStoreRefusedException r => r,
            AggregateException a => a.InnerExceptions.Select(Refusal).FirstOrDefault(r => r is not null),
            _ => null,
        };
    }

    private static async Task<int> AuditVerifyAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.ParseConfigured(args, CommandTable.AuditVerify);
        var options = line.AuditStore();
        var sqliteMissing = options.IsSqlite && !File.Exists(options.SqliteFullPath);
        var checkpointPath = line.Option("--audit-checkpoints") ?? (options.IsSqlite ? CheckpointDirectory.BesideSqlite(options.SqliteFullPath) : "off");
        if (sqliteMissing && (checkpointPath == "off" || !new CheckpointDirectory(checkpointPath).HasCheckpoints))
        {
            line.Problems.Add(new Problem("--db", $"there is no audit database at {options.SqliteFullPath}"));
        }

        if (line.Option("--audit-public-key") is not null && line.Option("--audit-key") is not null)
        {
            line.Problems.Add(new Problem("args", "give --audit-public-key or --audit-key, not both"));
        }

        if (line.Option("--archive") is { } archive)
        {
            return await AuditArchiveCommands.VerifyArchiveAsync(line, options, archive, stdout, stderr);
        }

        var (dir, keys, pinned) = CheckpointKeysFor(line, options);
        if (line.Problems.Count > 0)
        {
            return Problems(stderr, line.Problems);
        }

        var (checkpoints, problems) = dir?.ReadAll(keys) ?? ([], []);
        var (archives, archiveProblems) = dir is null ? ([], []) : ArchiveManifests.ReadAll(dir, keys);
        problems.AddRange(archiveProblems);
        var latest = CheckpointDirectory.Latest(checkpoints)?.Checkpoint;
        var where = options.Describe();
        if (problems.FirstOrDefault(p => !p.Torn) is { } forged)
        {
            await stdout.WriteLineAsync($"broken: checkpoint {forged.File}: {forged.Reason} ({where})");
            return ExitCodes.ChainBroken;
        }

        if (sqliteMissing)
        {
            return latest is null
                ? Problems(stderr, [new Problem("--db", $"there is no audit database at {options.SqliteFullPath}")])
                : await Broken(latest.LastId, $"the audit database is gone (deleted or moved), but the checkpoint of {latest.Time} vouches for store {latest.StoreId} up to record {latest.LastId}");
        }

        await using var store = options.Open(AuditStoreAccess.ReadOnly);
        AuditStoreStatus status;
        try
        {
            status = await store.ProbeAsync();
        }
        catch (System.Data.Common.DbException ex)
        {
            if (latest is not null)
            {
                return await Broken(latest.LastId, $"the database cannot be read as an audit store ({ex.Message}), but checkpoints vouch for store {latest.StoreId} up to it");
            }

            return Problems(stderr, [new Problem(options.IsSqlite ? "--db" : "--postgres", $"not an audit store: {ex.Message}")]);
        }

        // A store of an older schema that has its genesis row (schema 2) is verified as it is: verify never needs migrate.
        var state = status == AuditStoreStatus.Absent ? null : await store.ReadStateAsync();
        if (state is null)
        {
            if (latest is not null)
            {
                return await Broken(latest.LastId, $"the database holds {(status == AuditStoreStatus.Absent ? "no audit store (wiped, or its tables dropped)" : "an audit store of an older schema")}, "
                    + $"but the checkpoint of {latest.Time} vouches for store {latest.StoreId} up to record {latest.LastId}");
            }

            return Problems(stderr, [new Problem(options.IsSqlite ? "--db" : "--postgres", status == AuditStoreStatus.Absent
                ? "not an audit store (it holds no audit tables)"
                : "the audit store's schema is older than this verifier's: upgrade it with 'audit migrate'")]);
        }

        if (latest is not null && CheckpointChecks.StoreMismatch(state.Store, latest) is { } mismatch)
        {
            return await Broken(latest.LastId, mismatch);
        }

        var v = await store.VerifyAsync([.. checkpoints.Select(c => c.Checkpoint)], [.. archives.Select(a => a.Manifest)]);
        if (!v.IsIntact)
        {
            return await Broken(v.FirstBrokenId!.Value, v.Reason!);
        }

        var anchor = latest is null
            ? dir is null
                ? "; no checkpoints: a rewrite of the whole chain could not be told (see --audit-checkpoints)"
                : $"; no checkpoints in {dir.Path}: a rewrite of the whole chain could not be told"
            : $"; matches {checkpoints.Count(c => c.Checkpoint.StoreId == state.Store.StoreId)} signed checkpoint(s), the latest at record {latest.LastId} ({latest.Time})"
              + (pinned ? "" : ", signatures checked against the keys published beside them (pin one with --audit-public-key)");
        var torn = problems.Count > 0 ? $"; {problems.Count} torn checkpoint file(s) ignored" : "";
        await stdout.WriteLineAsync($"intact: {v.Count} records ({where}; store {state.Store.StoreId}{anchor}{torn})");
        foreach (var a in archives.Select(a => a.Manifest).Where(a => a.StoreId == state.Store.StoreId && a.Segments.All(s => v.Archived?.Contains(s) == true)).OrderBy(a => a.Segments[0].FirstId))
        {
            await stdout.WriteLineAsync($"archived: {a.Month}: records {a.Ranges} ({a.Count} records, table {a.Table}), with the signed checkpoint at record {a.CheckpointLastId} ({a.CheckpointTime})");
        }
        return ExitCodes.Ok;

        async Task<int> Broken(long id, string reason)
        {
            await stdout.WriteLineAsync($"broken: record {id}: {reason} ({where})");
            return ExitCodes.ChainBroken;
        }
    }

    private static async Task<int> AuditMigrateAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.ParseConfigured(args, CommandTable.AuditMigrate);
        var options = line.AuditStore();
        var newChain = line.Flag("--audit-new-chain");
        var (dir, keys, _) = CheckpointKeysFor(line, options);
        if (line.Problems.Count > 0)
        {
            return Problems(stderr, line.Problems);
        }

        var (checkpoints, problems) = dir?.ReadAll(keys) ?? ([], []);
        if (problems.FirstOrDefault(p => !p.Torn) is { } forged)
        {
            return Problems(stderr, [new Problem("--audit-checkpoints", $"checkpoint {forged.File}: {forged.Reason}")]);
        }

        var latest = CheckpointDirectory.Latest(checkpoints)?.Checkpoint;
        await using var store = options.Open(AuditStoreAccess.Migrate);
        var status = await store.ProbeAsync();
        if (status == AuditStoreStatus.Absent && latest is not null && !newChain)
        {
            return Problems(stderr, [new Problem("audit", $"the audit store is missing, but checkpoints in {dir!.Path} vouch for store {latest.StoreId} up to record {latest.LastId}: "
                + "restore it, or begin a new chain with --audit-new-chain")]);
        }

        var info = await store.MigrateAsync(latest is null ? null : new AuditGenesis(latest.LastId + 1, latest.StoreId, latest.LastId, latest.LastHash));
        await stdout.WriteLineAsync($"migrated: store {info.StoreId}, schema version {info.SchemaVersion}, chain from record {info.FirstId} ({options.Describe()})");
        return ExitCodes.Ok;
    }

    /// <summary>The checkpoint directory (given, or beside a SQLite file when it exists) and the keys to check against.</summary>
    internal static (CheckpointDirectory? Directory, CheckpointKeys Keys, bool Pinned) CheckpointKeysFor(CommandLine line, AuditStoreOptions options)
    {
        var path = line.Option("--audit-checkpoints") ?? (options.IsSqlite ? CheckpointDirectory.BesideSqlite(options.SqliteFullPath) : null);
        if (path == "off")
        {
            path = null;
        }

        var dir = path is null ? null : new CheckpointDirectory(path);
        var keys = new CheckpointKeys();
        var pinned = false;
        foreach (var option in new[] { "--audit-public-key", "--audit-key" })
        {
            if (line.Option(option) is { } file)
            {
                try
                {
                    keys.AddPemFile(file);
                    pinned = true;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
                {
                    line.Problems.Add(new Problem(option, $"cannot use '{file}': {ex.Message}"));
                }
            }
        }

        if (!pinned && dir is not null)
        {
            try
            {
                keys = dir.PublishedKeys();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                line.Problems.Add(new Problem("--audit-checkpoints", $"cannot read the keys in '{dir.Path}': {ex.Message}"));
            }
        }

        return (dir, keys, pinned);
    }

    private static int Print(TextWriter stdout, string text)
    {
        stdout.WriteLine(text);
        return ExitCodes.Ok;
    }

    internal static int Problems(TextWriter stderr, IReadOnlyList<Problem> problems)
    {
        stderr.WriteLine(ContractJson.Serialize(problems));
        return ExitCodes.InvalidInput;
    }
}
