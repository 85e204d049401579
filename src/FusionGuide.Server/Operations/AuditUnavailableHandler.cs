using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace FusionGuide.Server.Operations;

/// <summary>
/// A request that fails because the audit store cannot be reached answers 503 with a problem body and
/// <c>Retry-After</c>, not 500: nothing is wrong with the request, and no recommendation is served unrecorded.
/// </summary>
/// <remarks>
/// The audit store is the only database the server talks to, so a <see cref="DbException"/> (Npgsql, SQLite) reaching
/// the exception handler means it. Logged without the request body or any case data.
/// </remarks>
internal sealed partial class AuditUnavailableHandler(IProblemDetailsService problems, ServerMetrics metrics, ILogger<AuditUnavailableHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsAuditUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        Unavailable(log, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        metrics.AuditUnavailable((httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched");
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "10";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The audit store is unavailable",
                Detail = "Every recommendation is recorded in the audit store before it is served, and the store cannot be reached now. "
                    + "Nothing was recorded or served; try again later. GET /readyz tells when the server is ready again.",
            },
        });
    }

    internal static bool IsAuditUnavailable(Exception? ex) => ex switch
    {
        null => false,
        DbException or TimeoutException => true,
        AggregateException a => a.InnerExceptions.Any(IsAuditUnavailable),
        _ => IsAuditUnavailable(ex.InnerException),
    };

    [LoggerMessage(EventId = 50, Level = LogLevel.Error, Message = "Audit store unavailable during {Path}: {Kind}: {Reason}")]
    private static partial void Unavailable(ILogger logger, string path, string kind, string reason);
}
