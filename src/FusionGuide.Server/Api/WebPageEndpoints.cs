using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FusionGuide.Server.Api;

/// <summary>The clinician's web page at <c>/</c>: three files embedded in the assembly (no CDN, works offline).</summary>
internal static class WebPageEndpoints
{
    // The page loads nothing from elsewhere and runs no inline script; the policy says so to the browser.
    private const string Policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> Files = Load();

    public static IEndpointRouteBuilder MapWebPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Serve("index.html")).ExcludeFromDescription();
        app.MapGet("/{file:regex(^[a-z-]+\\.(html|css|js)$)}", (string file) => Serve(file)).ExcludeFromDescription();
        return app;
    }

    private static Results<FileContentHttpResult, NotFound> Serve(string name)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Bytes(file.Bytes, file.ContentType);
    }

    /// <summary>Adds the page's security headers to every response for it.</summary>
    public static IApplicationBuilder UsePageHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        await next(context);
    });

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        const string prefix = "webpage/";
        var asm = typeof(WebPageEndpoints).Assembly;
        return asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToFrozenDictionary(
            n => n[prefix.Length..],
            n =>
            {
                using var s = asm.GetManifestResourceStream(n)!;
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                return (ms.ToArray(), ContentType(n));
            },
            StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "text/javascript; charset=utf-8",
    };
}
