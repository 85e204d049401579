using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Fhir.Cli;
using FusionGuide.Server.Hosting;

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
          fusionguide-server audit verify [--db PATH | --postgres CONNECTION]
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
        audit verify  recomputes the audit hash chain.
        fhir       reads a FHIR R4 Bundle (or resource) into a case and prints it.
        recommend --fhir  evaluates a FHIR Bundle and prints the result.

        Exit codes: 0 ok (audit verify: chain intact); 2 invalid usage (JSON problem list on stderr);
                    1 internal fault; 4 audit verify found a broken chain (the first broken record is named).
        """;

    private static readonly string[] ServeOptions = ["--urls", "--db", "--postgres", "--api-key-file", "--cds-jwt-key", "--cds-jwt-issuer", "--cds-region", "--cds-fhir-fetch", "--trust-proxy", "--public-url", "--cds-out-of-scope", "--cds-fhir-allow-http"];
    private static readonly string[] AuditOptions = ["--db", "--postgres"];

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
            ["--version", ..] => Print(stdout, $"fusionguide-server {typeof(ServerProgram).Assembly.GetName().Version}; contract {FusionGuide.Domain.Wire.ContractVersion.Current}"),
            ["serve", .. var rest] => await ServeAsync(rest, stderr),
            ["audit", "verify", .. var rest] => await AuditVerifyAsync(rest, stdout, stderr),
            ["audit", ..] => UsageError(stderr, "audit needs a subcommand: verify"),
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
        var line = CommandLine.Parse(args, ServeOptions, passHostSettings: true);
        var settings = new ServerSettings { Audit = line.AuditStore(), ApiKey = line.ApiKey(), Cds = line.Cds(), TrustedProxies = line.TrustedProxies(), PublicUrl = line.PublicUrl() };
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
        await app.RunAsync();
        return ExitCodes.Ok;
    }

    private static async Task<int> AuditVerifyAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, AuditOptions, passHostSettings: false);
        var options = line.AuditStore();
        if (options.PostgresConnection is null && !File.Exists(options.SqlitePath ?? Audit.AuditStoreOptions.DefaultSqliteFile))
        {
            line.Problems.Add(new Problem("--db", $"there is no audit database at {Path.GetFullPath(options.SqlitePath ?? Audit.AuditStoreOptions.DefaultSqliteFile)}"));
        }

        if (line.Problems.Count > 0)
        {
            return Problems(stderr, line.Problems);
        }

        await using var store = options.Open();
        var v = await store.VerifyAsync();
        if (v.IsIntact)
        {
            await stdout.WriteLineAsync($"intact: {v.Count} records ({options.Describe()})");
            return ExitCodes.Ok;
        }

        await stdout.WriteLineAsync($"broken: record {v.FirstBrokenId}: {v.Reason} ({options.Describe()})");
        return ExitCodes.ChainBroken;
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
