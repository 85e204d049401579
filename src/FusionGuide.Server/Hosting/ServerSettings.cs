using FusionGuide.Server.Audit;

namespace FusionGuide.Server.Hosting;

/// <summary>What a server runs with, decided once from its command line and environment.</summary>
public sealed record ServerSettings
{
    /// <summary>The environment variable that may hold the audit API key.</summary>
    public const string ApiKeyVariable = "FUSIONGUIDE_API_KEY";

    /// <summary>Shortest API key accepted: a short key could be guessed.</summary>
    public const int MinApiKeyLength = 16;

    /// <summary>Where audit records go.</summary>
    public AuditStoreOptions Audit { get; init; } = new(null, null);

    /// <summary>Signed checkpoints of the audit store and what the server may do to its schema.</summary>
    public AuditCheckpointSettings Checkpoints { get; init; } = new();

    /// <summary>The key that opens <c>/v1/audit</c>; null keeps it closed.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The named API keys (<c>--api-keys FILE</c>), each with its role; null: none.</summary>
    public NamedApiKeys? ApiKeys { get; init; }

    /// <summary>The hospital's identity provider whose bearer tokens name callers (<c>--oidc-authority</c>); null: none.</summary>
    public OidcSettings? Oidc { get; init; }

    /// <summary>
    /// The header in which a trusted reverse proxy (<c>--trust-proxy</c>) names the user it authenticated
    /// (<c>--proxy-user-header X-Forwarded-User</c>); null: no such header is believed.
    /// </summary>
    public string? ProxyUserHeader { get; init; }

    /// <summary>
    /// Whether <c>/v1/recommend</c> needs a known caller: true as soon as a way to authenticate callers is configured
    /// (named keys, OIDC or a proxy user header), so that every audit record names who asked.
    /// </summary>
    public bool CallerRequired => ApiKeys is not null || Oidc is not null || ProxyUserHeader is not null;

    /// <summary>The CDS Hooks endpoints' settings.</summary>
    public CdsSettings Cds { get; init; } = new();

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> are believed (addresses or networks).
    /// Empty (the default): the headers are ignored, so no client can pretend to be another host or scheme.
    /// </summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>
    /// The server's public base URL (<c>--public-url</c>, e.g. <c>https://fg.example/</c>): the CDS cards' report links
    /// are built from it. Without it, links use the original URL a trusted proxy forwarded, else the server's own
    /// listening address when it names a host — never the request's <c>Host</c> header, which any client can set.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>The JSON configuration file (<c>--config</c>): its sections other than <c>FusionGuide</c> are host settings.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>
    /// The knowledge base loaded from <c>--knowledge DIR</c> (validated in full before the server starts); null: the
    /// release embedded in the program.
    /// </summary>
    public FusionGuide.Knowledge.KnowledgeBase? Knowledge { get; init; }

    /// <summary>The folder <see cref="Knowledge"/> was loaded from (for the start-up log line).</summary>
    public string? KnowledgeDirectory { get; init; }

    /// <summary>Settings from the environment alone (the API key variable), with the default SQLite store.</summary>
    public static ServerSettings FromEnvironment() => new() { ApiKey = NonEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable)) };

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
