using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FusionGuide.Server.Api;

/// <summary>
/// The clinician's web page at <c>/</c>: its files embedded in the assembly (no CDN, works offline), and the repository's
/// example cases at <c>/examples/&lt;name&gt;.json</c> for the page's "Load the example".
/// </summary>
internal static class WebPageEndpoints
{
    /// <summary>The CSP source expression of the report's inline style.</summary>
    public static readonly string ReportStyleHash =
        "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Rendering.HtmlRenderer.InlineStyle)));

    // The page loads nothing from elsewhere and runs no inline script; the policy says so to the browser. The one inline
    // style allowed is the report's own (HtmlRenderer's, by its SHA-256): the full report behind a CDS card, and
    // /v1/recommend's HTML, are self-contained documents and render styled under this policy.
    private static readonly string Policy =
        $"default-src 'self'; img-src 'self' data:; style-src 'self' '{ReportStyleHash}'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> Files = Load();

    public static IEndpointRouteBuilder MapWebPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Serve("index.html")).ExcludeFromDescription();
        app.MapGet("/{file:regex(^[a-z-]+\\.(html|css|js)$)}", (string file) => Serve(file)).ExcludeFromDescription();
        app.MapGet("/examples/{file:regex(^[a-z0-9-]+\\.json$)}", (string file) => Serve("examples/" + file)).ExcludeFromDescription();
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

    /// <summary>
    /// Adds the page's security headers to every response, and <c>Cache-Control: no-store</c> to every response of the
    /// API and CDS Hooks routes (<c>/v1/…</c>, <c>/cds-services…</c>): results, reports, validation problems, hook
    /// cards and audit reads carry patient data, which no browser or proxy cache may keep.
    /// </summary>
    public static IApplicationBuilder UsePageHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (CarriesPatientData(context.Request.Path))
        {
            // On starting, so that nothing later in the pipeline (an error page included) can drop it.
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                response.Headers.CacheControl = "no-store";
                response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            }, context.Response);
        }

        await next(context);
    });

    /// <summary>The routes whose answers may hold patient data.</summary>
    public static bool CarriesPatientData(PathString path) =>
        path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/cds-services", StringComparison.OrdinalIgnoreCase);

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
        ".json" => "application/json; charset=utf-8",
        _ => "text/javascript; charset=utf-8",
    };
}
