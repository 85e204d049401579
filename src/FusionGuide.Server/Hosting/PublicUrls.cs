using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FusionGuide.Server.Hosting;

/// <summary>
/// The base URL the server's own links (the CDS cards' report links) are built from: the configured
/// <c>--public-url</c>; else, for a request a trusted proxy forwarded with <c>X-Forwarded-Host</c>, the original URL;
/// else the server's listening address when it names a host. Never the request's own <c>Host</c> header: any client
/// can set it, and a card would then send the clinician (and the report token) to the client's choice of host.
/// </summary>
internal static class PublicUrls
{
    private const string ProxiedItem = "fusionguide.forwarded-by-trusted-proxy";

    /// <summary>
    /// Before <c>UseForwardedHeaders</c>: notes whether this request came from a trusted proxy with an
    /// <c>X-Forwarded-Host</c> (the forwarded-headers middleware then rewrites the host from it).
    /// </summary>
    public static IApplicationBuilder UseForwardedHostNote(this IApplicationBuilder app, IReadOnlyList<System.Net.IPNetwork> proxies) => app.Use(async (context, next) =>
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        if (remote is not null && proxies.Any(p => p.Contains(remote)) && context.Request.Headers.ContainsKey("X-Forwarded-Host"))
        {
            context.Items[ProxiedItem] = true;
        }

        await next(context);
    });

    /// <summary>The base URL (ending in <c>/</c>) for links in this request's answer, or null when there is none to trust.</summary>
    public static Uri? Base(HttpContext http, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.PublicUrl is { } configured)
        {
            return configured;
        }

        var request = http.Request;
        if (http.Items.ContainsKey(ProxiedItem) && request.Host.HasValue)
        {
            return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }

        var addresses = http.RequestServices.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        foreach (var address in addresses ?? [])
        {
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && uri.Host is not ("0.0.0.0" or "[::]" or "::" or "*" or "+") && uri.Port != 0)
            {
                return new Uri($"{uri.Scheme}://{uri.Authority}{request.PathBase}/");
            }
        }

        return null;
    }
}
