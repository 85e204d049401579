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

    /// <summary>
    /// The request's path, or its route template when the route carries a credential (a <c>token</c> parameter). A path
    /// under <c>/v1/reports/</c> that matched no such route (HEAD or POST answered 405, an extra segment or a double slash
    /// answered 404) is cut after the prefix too: it may still hold a valid token.
    /// </summary>
    public static string PathOf(HttpContext http)
    {
        if (http.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern } && pattern.Parameters.Any(p => string.Equals(p.Name, "token", StringComparison.OrdinalIgnoreCase)))
        {
            return pattern.RawText ?? "/(redacted)";
        }

        var path = http.Request.Path.Value ?? "";
        const string reports = "/v1/reports/";
        var at = path.IndexOf(reports, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? path : $"{path[..(at + reports.Length)]}(redacted)";
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Request finished {Protocol} {Method} {Url} - {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Finished(ILogger logger, string protocol, string method, string url, int statusCode, double elapsedMs);
}
