using FusionGuide.Domain.Validation;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;
using FusionGuide.Server.Operations;

namespace FusionGuide.Server.Commands;

/// <summary>
/// The options of <c>serve</c>, <c>audit verify</c> and <c>audit migrate</c>, read by the shared parser
/// (<see cref="ParsedArguments"/>) against the command's entry in <see cref="CommandTable"/>, and turned into settings
/// here. Any other <c>--key=value</c> given to <c>serve</c> is an ASP.NET Core host setting and passed through.
/// </summary>
internal sealed partial class CommandLine
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    private readonly ParsedArguments parsed;

    private CommandLine(ParsedArguments parsed) => this.parsed = parsed;

    public List<Problem> Problems => parsed.Problems;

    public List<string> HostArgs => parsed.HostSettings;

    /// <summary>The configuration file applied by <see cref="ParseConfigured"/>, if any.</summary>
    public string? ConfigFile { get; private init; }

    /// <summary>
    /// Reads a server command's settings from everywhere they may come from: the configuration file and
    /// <c>FUSIONGUIDE_*</c> variables (<see cref="ServerConfiguration"/>), then <paramref name="args"/> against
    /// <paramref name="command"/>. The configuration's problems come first. Used by serve, audit verify, audit migrate,
    /// audit archive, audit list and keys add; a command with positional words (keys add NAME ROLE) passes
    /// <paramref name="positional"/> and reads them from <see cref="Arguments"/>.
    /// </summary>
    public static CommandLine ParseConfigured(IReadOnlyList<string> args, CommandSpec command, bool positional = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        var configured = new List<Problem>();
        var (applied, configFile) = ServerConfiguration.Apply(args, ConfigurableOptions(command), command.PassesHostSettings, configured);
        var line = positional ? new CommandLine(ParsedArguments.Parse(applied, command)) : Parse(applied, command);
        line.Problems.InsertRange(0, configured);
        return new CommandLine(line.parsed) { ConfigFile = configFile };
    }

    /// <summary>
    /// The options of <paramref name="command"/> that a configuration file or a <c>FUSIONGUIDE_*</c> variable may set
    /// (ServerConfiguration resolves its own: --config, --postgres-password-file, --log-format).
    /// </summary>
    internal static string[] ConfigurableOptions(CommandSpec command) =>
        [.. command.Options.Select(o => o.Name).Except(ServerConfiguration.OwnOptions, StringComparer.Ordinal)];

    /// <summary>Reads <paramref name="args"/> against <paramref name="command"/>; these commands take no positional word.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, CommandSpec command)
    {
        var parsed = ParsedArguments.Parse(args, command);
        foreach (var word in parsed.Positional)
        {
            parsed.Usage($"unknown argument '{word}'; see {ParsedArguments.Help(command)}");
        }

        return new CommandLine(parsed);
    }

    /// <summary>The parsed arguments themselves, for commands that read positional words or numeric options.</summary>
    public ParsedArguments Arguments => parsed;

    public string? Option(string name) => parsed.Option(name);

    public bool Flag(string name) => parsed.Has(name);

    /// <summary>The checkpoint settings from <c>--audit-checkpoints</c>, <c>--audit-key</c>, <c>--audit-checkpoint-interval</c>, <c>--audit-new-chain</c> and <c>--audit-schema</c>.</summary>
    public AuditCheckpointSettings Checkpoints()
    {
        var dir = Option("--audit-checkpoints");
        var key = Option("--audit-key");
        if (key is not null && !File.Exists(key))
        {
            Problems.Add(new Problem("--audit-key", $"there is no key file at {Path.GetFullPath(key)}"));
        }

        var interval = AuditCheckpointSettings.DefaultInterval;
        if (Option("--audit-checkpoint-interval") is { } i)
        {
            if (int.TryParse(i, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 86_400)
            {
                interval = TimeSpan.FromSeconds(seconds);
            }
            else
            {
                Problems.Add(new Problem("--audit-checkpoint-interval", "must be a number of seconds from 1 to 86400"));
            }
        }

        var schema = Option("--audit-schema") switch
        {
            null or "migrate" => AuditStoreAccess.Migrate,
            "existing" => AuditStoreAccess.AppendOnly,
            var v => InvalidSchema(v),
        };
        return new AuditCheckpointSettings
        {
            Directory = dir is null or "off" ? null : dir,
            Off = dir == "off",
            KeyFile = key,
            Interval = interval,
            NewChain = Flag("--audit-new-chain"),
            Schema = schema,
        };

        AuditStoreAccess InvalidSchema(string v)
        {
            Problems.Add(new Problem("--audit-schema", $"must be 'migrate' or 'existing', not '{v}'"));
            return AuditStoreAccess.Migrate;
        }
    }

    /// <summary>The audit store named by <c>--db</c> or <c>--postgres</c> (one at most).</summary>
    public AuditStoreOptions AuditStore()
    {
        var (db, pg) = (Option("--db"), Option("--postgres"));
        if (db is not null && pg is not null)
        {
            Problems.Add(new Problem("args", "give --db or --postgres, not both"));
        }

        if (db is { Length: 0 } || pg is { Length: 0 })
        {
            Problems.Add(new Problem("args", "--db and --postgres need a non-empty value"));
        }

        return new AuditStoreOptions(db, pg);
    }

    /// <summary>The API key from <c>--api-key-file</c>, else from the environment, else none.</summary>
    public string? ApiKey()
    {
        var key = Option("--api-key-file") is { } file ? ReadKeyFile(file) : ServerSettings.FromEnvironment().ApiKey;
        if (key is { Length: < ServerSettings.MinApiKeyLength })
        {
            Problems.Add(new Problem("args", $"the API key must be at least {ServerSettings.MinApiKeyLength} characters"));
        }

        return key;
    }

    /// <summary>
    /// The knowledge folder named by <c>--knowledge</c> (or FUSIONGUIDE_KNOWLEDGE / the configuration file, resolved
    /// before parsing), loaded and validated as <c>kb validate DIR</c> does; each problem refuses the start.
    /// </summary>
    public (FusionGuide.Knowledge.KnowledgeBase? Knowledge, string? Directory) Knowledge()
    {
        if (Option("--knowledge") is not { } dir)
        {
            return (null, null);
        }

        var kb = LoadKnowledge(dir, Problems);
        return kb is null ? (null, null) : (kb, Path.GetFullPath(dir));
    }

    /// <summary>
    /// A released knowledge folder loaded and validated as <c>kb validate DIR</c> does (its RxNorm table included); null
    /// when it has any problem, each added to <paramref name="problems"/> at <c>--knowledge</c>. Also the FHIR commands'.
    /// </summary>
    internal static FusionGuide.Knowledge.KnowledgeBase? LoadKnowledge(string dir, List<Problem> problems)
    {
        var load = FusionGuide.Knowledge.Loading.KnowledgeLoader.LoadDirectory(dir);
        var found = Engine.KnowledgeRelease.Problems(load);
        problems.AddRange(found.Select(p => new Problem("--knowledge", $"{dir}: {p.Path}: {p.Message}")));
        return found.Count == 0 ? load.KnowledgeBase : null;
    }

    /// <summary>The proxies named by <c>--trust-proxy</c>: comma-separated addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>).</summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies()
    {
        if (Option("--trust-proxy") is not { } list)
        {
            return [];
        }

        var networks = new List<System.Net.IPNetwork>();
        foreach (var item in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (System.Net.IPNetwork.TryParse(item, out var network))
            {
                networks.Add(network);
            }
            else if (System.Net.IPAddress.TryParse(item, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32));
            }
            else
            {
                Problems.Add(new Problem("--trust-proxy", $"'{item}' is not an IP address or a network (address/prefix)"));
            }
        }

        if (networks.Count == 0 && Problems.All(p => p.Path != "--trust-proxy"))
        {
            Problems.Add(new Problem("--trust-proxy", "names no address"));
        }

        return networks;
    }

    /// <summary>The public base URL from <c>--public-url</c>: absolute http(s), no query or fragment; a trailing <c>/</c> is added.</summary>
    public Uri? PublicUrl()
    {
        if (Option("--public-url") is not { } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || uri.UserInfo.Length > 0)
        {
            Problems.Add(new Problem("--public-url", $"'{text}' is not an absolute http(s) URL without user, query or fragment"));
            return null;
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>The CDS Hooks settings from the <c>--cds-…</c> options.</summary>
    public CdsSettings Cds()
    {
        IReadOnlyList<Microsoft.IdentityModel.Tokens.SecurityKey>? keys = null;
        if (Option("--cds-jwt-key") is { } file)
        {
            try
            {
                keys = CdsSettings.ReadKeys(File.ReadAllText(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException
                or System.Text.Json.JsonException or System.Security.Cryptography.CryptographicException)
            {
                Problems.Add(new Problem("--cds-jwt-key", $"cannot use '{file}': {ex.Message}"));
            }
        }

        var issuer = Option("--cds-jwt-issuer");
        if (issuer is not null && keys is null && Option("--cds-jwt-key") is null)
        {
            Problems.Add(new Problem("--cds-jwt-issuer", "needs --cds-jwt-key (an issuer is checked only on verified tokens)"));
        }

        Domain.Region? region = null;
        if (Option("--cds-region") is { } r)
        {
            if (Domain.Codes.Region.TryParse(r, out var rv))
            {
                region = rv;
            }
            else
            {
                Problems.Add(new Problem("--cds-region", $"must be one of {string.Join(", ", Domain.Codes.Region.Codes)}"));
            }
        }

        var fetch = Option("--cds-fhir-fetch") switch
        {
            null or "off" => false,
            "on" => true,
            var v => Invalid(v),
        };
        var explain = Option("--cds-out-of-scope") switch
        {
            null or "silent" => false,
            "explain" => true,
            var v => InvalidScope(v),
        };
        var infoCards = Option("--cds-info-cards") switch
        {
            null => 1,
            var v when int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10 => n,
            var v => InvalidInfoCards(v),
        };
        var reportDays = Option("--cds-report-days") switch
        {
            null => CdsSettings.DefaultReportLinkDays,
            var v when int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3650 => n,
            var v => InvalidReportDays(v),
        };
        return new CdsSettings { JwtKeys = keys, JwtIssuer = string.IsNullOrWhiteSpace(issuer) ? null : issuer, Region = region, FetchFromFhirServer = fetch, ExplainOutOfScope = explain,
            MaxInformationCards = infoCards, ReportLinkDays = reportDays,
            AllowHttpFhirServer = Option("--cds-fhir-allow-http") switch
            {
                null or "off" => false,
                "on" => true,
                var v => InvalidAllowHttp(v),
            },
        };

        bool InvalidAllowHttp(string v)
        {
            Problems.Add(new Problem("--cds-fhir-allow-http", $"must be 'on' or 'off', not '{v}'"));
            return false;
        }

        int InvalidReportDays(string v)
        {
            Problems.Add(new Problem("--cds-report-days", $"must be a whole number of days from 1 to 3650, not '{v}'"));
            return CdsSettings.DefaultReportLinkDays;
        }

        int InvalidInfoCards(string v)
        {
            Problems.Add(new Problem("--cds-info-cards", $"must be a whole number from 1 to 10, not '{v}'"));
            return 1;
        }

        bool InvalidScope(string v)
        {
            Problems.Add(new Problem("--cds-out-of-scope", $"must be 'silent' or 'explain', not '{v}'"));
            return false;
        }

        bool Invalid(string v)
        {
            Problems.Add(new Problem("--cds-fhir-fetch", $"must be 'on' or 'off', not '{v}'"));
            return false;
        }
    }

    private string? ReadKeyFile(string file)
    {
        try
        {
            var key = File.ReadAllText(file).Trim();
            if (key.Length == 0)
            {
                Problems.Add(new Problem("--api-key-file", $"'{file}' is empty"));
                return null;
            }

            return key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Problems.Add(new Problem("--api-key-file", $"cannot read '{file}': {ex.Message}"));
            return null;
        }
    }
}
