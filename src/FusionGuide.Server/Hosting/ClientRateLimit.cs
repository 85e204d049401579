using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FusionGuide.Server.Hosting;

/// <summary>
/// Per-client rate limits, so that one client sending as fast as it can cannot take the server (and its audit store)
/// from the others: a token bucket per client, refilled at <see cref="PermitsPerSecond"/> up to <see cref="Burst"/>;
/// past it a request is answered 429 with <c>Retry-After</c> and a problem body, and costs nothing more.
/// </summary>
/// <remarks>
/// <para>A client is, in order: the holder of the configured API key (a key that does not match is not a client of
/// its own — otherwise each made-up key would get a fresh bucket); the named API key presented (by its name); the
/// subject of a valid bearer token — OIDC or CDS Hooks JWT (its <c>iss</c> and <c>sub</c>); else the client address (the forwarded one when <c>--trust-proxy</c> names the proxy; an
/// IPv6 address by its /64, which one host usually holds whole). The health route is never limited.</para>
/// <para>Settings come from configuration — environment (<c>FusionGuide__RateLimit__PermitsPerSecond=…</c>) or host
/// arguments (<c>--FusionGuide:RateLimit:PermitsPerSecond=…</c>), see <see cref="FromConfiguration"/>.</para>
/// </remarks>
/// <param name="Enabled">False turns limiting off (<c>FusionGuide:RateLimit:Enabled=false</c>).</param>
/// <param name="PermitsPerSecond">Sustained requests a second one client may make (default 50).</param>
/// <param name="Burst">Requests one client may make at once after a quiet spell (default 200).</param>
public sealed record ClientRateLimit(bool Enabled = true, int PermitsPerSecond = 50, int Burst = 200)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FusionGuide:RateLimit";

    /// <summary>Routes that are never limited: a load balancer's probe must not be refused because a client is busy.</summary>
    private static readonly string[] ExemptPaths = ["/healthz", "/readyz", "/livez"];

    /// <summary>Reads <c>FusionGuide:RateLimit:{Enabled, PermitsPerSecond, Burst}</c>; a value that does not parse stops the server at start.</summary>
    public static ClientRateLimit FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new ClientRateLimit();
        return new ClientRateLimit(
            section["Enabled"] is { } e ? bool.TryParse(e, out var on) ? on : throw Bad("Enabled", e, "true or false") : defaults.Enabled,
            Positive(section, "PermitsPerSecond", defaults.PermitsPerSecond),
            Positive(section, "Burst", defaults.Burst));
    }

    private static int Positive(IConfigurationSection section, string name, int fallback) =>
        section[name] is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw Bad(name, text, "a whole number above 0");

    private static InvalidOperationException Bad(string name, string value, string expected) =>
        new($"{Section}:{name} is '{value}': it must be {expected}.");

    /// <summary>Registers the limiter (nothing when disabled).</summary>
    public void AddTo(IServiceCollection services)
    {
        if (!Enabled)
        {
            return;
        }

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsExempt(http.Request.Path) ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter(ClientOf(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Burst,
                    TokensPerPeriod = PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            o.OnRejected = (context, _) => Reject(context);
        });
    }

    /// <summary>The client a request counts against (see the remarks); never the raw API key.</summary>
    internal static string ClientOf(HttpContext http)
    {
        var settings = http.RequestServices.GetRequiredService<ServerSettings>();
        if (settings.ApiKey is { Length: > 0 } key && http.Request.Headers[ApiKeyFilter.Header] is [{ } given]
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key))))
        {
            return "api-key";
        }

        // A named API key (--api-keys) is its holder's own bucket, by name: two keys used from one address (a proxy, a
        // shared host) are two clients. The global limiter runs before the endpoint filters that record the caller,
        // so the key is looked up here the same way (salted hash; an unknown key falls through to the address).
        if (settings.ApiKeys is { } named && http.Request.Headers[ApiKeyFilter.Header] is [{ Length: > 0 } presented]
            && named.Find(presented) is { } holder)
        {
            return $"key:{holder.Name}";
        }

        // An authenticated bearer (an OIDC access token or a CDS Hooks JWT): its issuer and subject.
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirst("sub")?.Value is { } sub)
        {
            return $"jwt:{http.User.FindFirst("iss")?.Value}\n{sub}";
        }

        return http.Connection.RemoteIpAddress switch
        {
            null => "address:unknown",
            { AddressFamily: AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: false } v6 => $"address:{new IPNetwork(Prefix64(v6), 64)}",
            var address => $"address:{(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)}",
        };
    }

    private static IPAddress Prefix64(IPAddress v6)
    {
        var bytes = v6.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    private static bool IsExempt(PathString path) => ExemptPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private async ValueTask Reject(OnRejectedContext context)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"This client may make {PermitsPerSecond} requests a second (bursts of {Burst}); retry after {seconds} s.").ExecuteAsync(http).ConfigureAwait(false);
    }
}
