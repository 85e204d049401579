using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Fhir.Cli;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;
using FusionGuide.Server.Operations;

namespace FusionGuide.Server.Commands;

/// <summary>Routes the server's command line: <c>serve</c> and <c>audit verify</c>.</summary>
public static class ServerProgram
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        fusionguide-server — the FusionGuide HTTP API, web page and audit store

        Usage:
          fusionguide-server serve [--urls http://127.0.0.1:8080] [--db PATH | --postgres CONNECTION] [--api-key-file FILE]
                                   [--cds-jwt-key FILE [--cds-jwt-issuer ISS]] [--cds-region US|EU|TR|JP|CN|other]
                                   [--cds-fhir-fetch on|off] [--trust-proxy ADDRESS|NETWORK[,…]] [--public-url URL]
                                   [--cds-out-of-scope silent|explain] [--cds-fhir-allow-http on|off]
                                   [--audit-checkpoints DIR|off] [--audit-key FILE] [--audit-checkpoint-interval SECONDS]
                                   [--audit-schema migrate|existing] [--audit-new-chain]
                                   [--config FILE] [--postgres-password-file FILE] [--log-format text|json]
          fusionguide-server audit verify [--db PATH | --postgres CONNECTION] [--audit-checkpoints DIR]
                                          [--audit-public-key FILE | --audit-key FILE]
          fusionguide-server audit migrate [--db PATH | --postgres CONNECTION] [--audit-checkpoints DIR] [--audit-key FILE]
                                           [--audit-new-chain]
          fusionguide-server fhir BUNDLE.json [--as-of YYYY-MM-DD] [--region R]
          fusionguide-server recommend --fhir BUNDLE.json [--format json|markdown|html] [--as-of YYYY-MM-DD] [--region R]
          fusionguide-server --help | --version

        serve      answers the API and the web page; records every recommendation in the audit store
                   (default: SQLite file fusionguide-audit.db in the working directory). The audit endpoints need
                   the key from --api-key-file or FUSIONGUIDE_API_KEY (at least 16 characters); without one they are closed.
                   Other --key=value arguments are ASP.NET Core host settings.
                   CDS Hooks 2.0 at /cds-services: --cds-jwt-key verifies the client's bearer JWT (HS256 secret,
                   PEM public key or JWKS file; audience = the called URL; --cds-jwt-issuer checks iss); --cds-region
                   sets the site's region; --cds-fhir-fetch on reads missing prefetch from the request's fhirServer
                   (https only with a bearer token unless --cds-fhir-allow-http on; 10 pages, 5 MB a page, 2 s a call).
                   Behind a reverse proxy, --trust-proxy names it (addresses or networks, comma-separated): its
                   X-Forwarded-For/-Proto/-Host are then believed (the JWT audience and links use the original URL).
                   --public-url https://fg.example/ is the base of the CDS cards' report links (else the forwarded
                   URL from a trusted proxy, else the listening address; never the request's Host header).
                   A patient without non-small cell lung cancer gets no card (--cds-out-of-scope explain: one info
                   card saying why).
                   Audit checkpoints: at start, every 5 minutes (--audit-checkpoint-interval) and at shutdown the server
                   signs (store id, last record, its hash, time, digests of feedback and hook links) with an ECDSA
                   P-256 key (--audit-key PEM; default FILE.checkpoints.key.pem, created once) and adds it to the
                   checkpoint directory (default beside a SQLite file: FILE.checkpoints; PostgreSQL: none unless
                   given). It refuses to start on a store that is missing, behind its latest checkpoint or another
                   store (exit 4), unless --audit-new-chain begins a new chain (ids continue after the checkpoint).
                   --audit-schema existing: never create or upgrade the schema (an append-only database role).
        audit verify  recomputes the audit hash chain and checks it against the latest signed checkpoint; opens the
                   store read-only (SQLite Mode=ReadOnly; a SELECT-only PostgreSQL role suffices) in one snapshot.
                   --audit-public-key pins the key the checkpoints must be signed with (else: the keys beside them).
        audit migrate  creates or upgrades the audit schema (and, on PostgreSQL, the triggers refusing UPDATE/DELETE
                   of records); needs CREATE rights, unlike serve --audit-schema existing and audit verify.
        fhir       reads a FHIR R4 Bundle (or resource) into a case and prints it.
        recommend --fhir  evaluates a FHIR Bundle and prints the result.

        Configuration (docs/deploy.md): every option may also come from the variable FUSIONGUIDE_<OPTION> (--cds-jwt-key:
                   FUSIONGUIDE_CDS_JWT_KEY) or the "FusionGuide" section of the JSON file --config FILE (FUSIONGUIDE_CONFIG;
                   its Logging and Kestrel sections are host settings); the command line wins, then the environment.
                   --audit-new-chain only on the command line. --postgres-password-file FILE: the password of --postgres,
                   read from a file (a relative name is looked up in systemd's $CREDENTIALS_DIRECTORY first).
                   --log-format json: one JSON object a line. Operations: /healthz (alive), /readyz (503 while the audit
                   store is unreachable), /version, /metrics (Prometheus).

        Exit codes: 0 ok (audit verify: chain intact); 2 invalid usage (JSON problem list on stderr; also a file
                    that is not an audit store); 1 internal fault, or serve could not open the audit store; 4 audit verify
                    found a broken chain (the first broken record is named), or serve refused a store that does not
                    match its checkpoints.
        """;

    private static readonly string[] ServeOptions = ["--urls", "--db", "--postgres", "--api-key-file", "--cds-jwt-key", "--cds-jwt-issuer", "--cds-region", "--cds-fhir-fetch", "--trust-proxy",
        "--public-url", "--cds-out-of-scope", "--cds-fhir-allow-http",
        "--audit-checkpoints", "--audit-key", "--audit-checkpoint-interval", "--audit-schema", "--audit-new-chain"];
    private static readonly string[] VerifyOptions = ["--db", "--postgres", "--audit-checkpoints", "--audit-public-key", "--audit-key"];
    private static readonly string[] MigrateOptions = ["--db", "--postgres", "--audit-checkpoints", "--audit-key", "--audit-new-chain"];

    /// <summary>Runs a command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return args switch
        {
            [] => UsageError(stderr, "no command given; see --help"),
            ["--help" or "-h" or "help", ..] => Print(stdout, Usage),
            ["--version", ..] => Print(stdout, $"fusionguide-server {SoftwareVersion.Current}; contract {FusionGuide.Domain.Wire.ContractVersion.Current}"),
            ["serve", .. var rest] => await ServeAsync(rest, stderr),
            ["audit", "verify", .. var rest] => await AuditVerifyAsync(rest, stdout, stderr),
            ["audit", "migrate", .. var rest] => await AuditMigrateAsync(rest, stdout, stderr),
            ["audit", ..] => UsageError(stderr, "audit needs a subcommand: verify or migrate"),
            // The FHIR commands live here, not in the Native AOT CLI: the Firely SDK needs the JIT.
            ["fhir", ..] => FhirCommands.Run(args, stdout, stderr),
            ["recommend", .. var rest] when rest.Contains("--fhir") => FhirCommands.Run(args, stdout, stderr),
            ["recommend", ..] => UsageError(stderr, "fusionguide-server runs only 'recommend --fhir BUNDLE.json'; a contract case goes to the fusionguide CLI"),
            // Host settings alone (how WebApplicationFactory and other hosts start an app) mean serve.
            [var first, ..] when first.StartsWith("--", StringComparison.Ordinal) => await ServeAsync(args, stderr),
            [var first, ..] => UsageError(stderr, $"unknown command '{first}'; see --help"),
        };
    }

    private static async Task<int> ServeAsync(string[] args, TextWriter stderr)
    {
        var configured = new List<Problem>();
        (args, var configFile) = ServerConfiguration.Apply(args, ServeOptions, passHostSettings: true, configured);
        var line = CommandLine.Parse(args, ServeOptions, passHostSettings: true);
        line.Problems.InsertRange(0, configured);
        var settings = new ServerSettings
        {
            ConfigFile = configFile,
            Audit = line.AuditStore(), ApiKey = line.ApiKey(), Cds = line.Cds(), TrustedProxies = line.TrustedProxies(), PublicUrl = line.PublicUrl(),
            Checkpoints = line.Checkpoints(),
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
        var configured = new List<Problem>();
        (args, _) = ServerConfiguration.Apply(args, VerifyOptions, passHostSettings: false, configured);
        var line = CommandLine.Parse(args, VerifyOptions, passHostSettings: false);
        line.Problems.InsertRange(0, configured);
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

        var (dir, keys, pinned) = CheckpointKeysFor(line, options);
        if (line.Problems.Count > 0)
        {
            return Problems(stderr, line.Problems);
        }

        var (checkpoints, problems) = dir?.ReadAll(keys) ?? ([], []);
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

        if (status != AuditStoreStatus.Current)
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

        var state = (await store.ReadStateAsync())!;
        if (latest is not null && CheckpointChecks.StoreMismatch(state.Store, latest) is { } mismatch)
        {
            return await Broken(latest.LastId, mismatch);
        }

        var v = await store.VerifyAsync([.. checkpoints.Select(c => c.Checkpoint)]);
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
        return ExitCodes.Ok;

        async Task<int> Broken(long id, string reason)
        {
            await stdout.WriteLineAsync($"broken: record {id}: {reason} ({where})");
            return ExitCodes.ChainBroken;
        }
    }

    private static async Task<int> AuditMigrateAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var configured = new List<Problem>();
        (args, _) = ServerConfiguration.Apply(args, MigrateOptions, passHostSettings: false, configured);
        var line = CommandLine.Parse(args, MigrateOptions, passHostSettings: false);
        line.Problems.InsertRange(0, configured);
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
    private static (CheckpointDirectory? Directory, CheckpointKeys Keys, bool Pinned) CheckpointKeysFor(CommandLine line, AuditStoreOptions options)
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

    private static int UsageError(TextWriter stderr, string message) => Problems(stderr, [new Problem("args", message)]);

    private static int Problems(TextWriter stderr, IReadOnlyList<Problem> problems)
    {
        stderr.WriteLine(ContractJson.Serialize(problems));
        return ExitCodes.InvalidInput;
    }
}
