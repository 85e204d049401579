using System.Net;
using FusionGuide.Server.Api;
using FusionGuide.Server.Audit;
using Microsoft.AspNetCore.Authentication;

namespace FusionGuide.Server.Hosting;

/// <summary>An authenticated caller: who they are for the audit trail, and whether they may read it.</summary>
public sealed record Caller(AuditCaller Identity, bool IsAuditor)
{
    /// <summary>Someone the server did not ask to authenticate (a server configured with no caller authentication).</summary>
    public static readonly Caller Anonymous = new(AuditCaller.Anonymous, false);
}

/// <summary>
/// Finds who is calling, from what the request presents, in this order: a named API key (or the single legacy key) in
/// <c>X-Api-Key</c>; an OIDC bearer token from the hospital's identity provider; the user a trusted reverse proxy names
/// in <c>--proxy-user-header</c> (only from an address of <c>--trust-proxy</c>). Something presented that does not hold
/// is a failure, never a fall-through to the next way: a wrong key is not an anonymous call. A key or token is never
/// logged or stored; only the name it stands for.
/// </summary>
internal static class Callers
{
    private const string ItemKey = "FusionGuide.Caller";
    private const string PeerKey = "FusionGuide.Peer";

    /// <summary>The caller a filter found for this request (anonymous when none ran or none was needed).</summary>
    public static Caller Of(HttpContext http) => http.Items[ItemKey] as Caller ?? Caller.Anonymous;

    /// <summary>Records the caller found for this request.</summary>
    public static void Set(HttpContext http, Caller caller) => http.Items[ItemKey] = caller;

    /// <summary>
    /// Notes the address of the peer that connected, before the forwarded headers replace it with the client's: only a
    /// request that really came from a trusted proxy may name its user in a header.
    /// </summary>
    public static IApplicationBuilder UseConnectedPeer(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Items[PeerKey] = http.Connection.RemoteIpAddress;
        return next(http);
    });

    /// <summary>The caller the request presents; (null, null) when it presents nothing; (null, reason) when what it presents does not hold.</summary>
    public static async Task<(Caller? Caller, string? Failure)> ResolveAsync(HttpContext http, ServerSettings settings)
    {
        var headers = http.Request.Headers;
        if (headers.TryGetValue(ApiKeyFilter.Header, out var key))
        {
            return FromKey(key, settings);
        }

        if (settings.Oidc is not null && headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var result = await http.AuthenticateAsync(OidcBearer.Scheme);
            return result.Succeeded && result.Principal is { } principal
                ? (OidcBearer.CallerOf(principal, settings.Oidc), null)
                : (null, $"the bearer token was not accepted: {result.Failure?.Message ?? "no reason given"}");
        }

        if (settings.ProxyUserHeader is { } header && headers[header] is [{ } user])
        {
            if (!FromTrustedProxy(http, settings))
            {
                return (null, $"{header} is believed only from a proxy named by --trust-proxy");
            }

            user = user.Trim();
            return user.Length is > 0 and <= 256 && !user.Any(char.IsControl)
                ? (new Caller(new AuditCaller("proxy", user), false), null)
                : (null, $"the {header} header does not hold a user name");
        }

        return (null, null);
    }

    private static (Caller?, string?) FromKey(Microsoft.Extensions.Primitives.StringValues values, ServerSettings settings)
    {
        if (values is not [{ Length: > 0 } given])
        {
            return (null, $"send one key in the {ApiKeyFilter.Header} header");
        }

        if (settings.ApiKeys?.Find(given) is { } named)
        {
            return (new Caller(new AuditCaller("api-key", named.Name), named.Role == CallerRole.Auditor), null);
        }

        if (settings.ApiKey is { Length: > 0 } legacy && ApiKeyFilter.SameKey(given, legacy))
        {
            // The single key of --api-key-file / FUSIONGUIDE_API_KEY: the audit's key before named keys, so an auditor.
            return (new Caller(new AuditCaller("api-key", "default"), true), null);
        }

        return (null, settings.ApiKey is null && settings.ApiKeys is null
            ? "no API key is configured on this server (--api-keys FILE, or --api-key-file / FUSIONGUIDE_API_KEY)"
            : $"the {ApiKeyFilter.Header} header does not hold a configured key");
    }

    private static bool FromTrustedProxy(HttpContext http, ServerSettings settings)
    {
        var peer = http.Items[PeerKey] as IPAddress ?? http.Connection.RemoteIpAddress;
        if (peer is null)
        {
            return false;
        }

        peer = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
        return settings.TrustedProxies.Any(n => n.Contains(peer));
    }
}

/// <summary>
/// On <c>/v1/recommend</c>: finds who asks (<see cref="Callers"/>), for the audit record. On a server configured with
/// a way to authenticate callers (<c>--api-keys</c>, <c>--oidc-authority</c>, <c>--proxy-user-header</c>) a request
/// that presents none is refused 401; with none configured anyone may ask and the record says <c>anonymous</c>.
/// </summary>
internal sealed class CallerFilter(ServerSettings settings, ILoggerFactory logs) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var (caller, failure) = await Callers.ResolveAsync(http, settings);
        if (caller is null && failure is null && settings.CallerRequired)
        {
            failure = "this server records who asks: send a named key in X-Api-Key or a bearer token from the identity provider";
        }

        if (failure is not null)
        {
            RequestLog.CallerRefused(logs.CreateLogger<CallerFilter>(), http.Request.Path, failure);
            http.Response.Headers.WWWAuthenticate = settings.Oidc is null ? "ApiKey header=\"X-Api-Key\"" : "Bearer";
            return ApiProblems.Unauthorized(failure);
        }

        Callers.Set(http, caller ?? Caller.Anonymous);
        return await next(context);
    }
}
