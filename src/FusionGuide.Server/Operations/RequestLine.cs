using System.Diagnostics;

namespace FusionGuide.Server.Operations;

/// <summary>
/// One line per request — protocol, method, URL, status and time — in place of ASP.NET Core's hosting lines, which
/// write the raw path. A report link's token (<c>/v1/reports/{token}</c>) is the only credential for a patient's report,
/// and logs are shipped to log stores many can read: a route with a <c>token</c> parameter is logged by its template,
/// and no query string is logged. The line keeps the hosting line's start ("Request finished HTTP/1.1 GET https://…"),
/// so log searches written for it still match.
/// </summary>
internal static partial class RequestLine
{
    public static void UseRequestLine(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FusionGuide.Server.Requests");
        app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http).ConfigureAwait(false);
            }
            finally
            {
                if (log.IsEnabled(LogLevel.Information))
                {
                    var r = http.Request;
                    var url = $"{r.Scheme}://{r.Host}{r.PathBase}{PathOf(http)}";
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    Finished(log, r.Protocol, r.Method, url, http.Response.StatusCode, elapsed);
                }
            }
        });
    }

    /// <summary>The request's path, or its route template when the route carries a credential (a <c>token</c> parameter).</summary>
    public static string PathOf(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern } && pattern.Parameters.Any(p => string.Equals(p.Name, "token", StringComparison.OrdinalIgnoreCase))
            ? pattern.RawText ?? "/(redacted)"
            : http.Request.Path.Value ?? "";

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Request finished {Protocol} {Method} {Url} - {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Finished(ILogger logger, string protocol, string method, string url, int statusCode, double elapsedMs);
}
