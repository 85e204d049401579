using System.Security.Cryptography;
using System.Text;
using FusionGuide.Server.Api;

namespace FusionGuide.Server.Hosting;

/// <summary>
/// Lets a request to the audit trail through only from an auditor: a named API key of role <c>auditor</c>, the single
/// legacy key (<c>--api-key-file</c>), or an OIDC token carrying the auditor role. No caller: 401; a caller who is not
/// an auditor: 403. With nothing configured nobody gets through: there is never a default key.
/// </summary>
internal sealed class ApiKeyFilter(ServerSettings settings, ILoggerFactory logs) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var (caller, failure) = await Callers.ResolveAsync(http, settings);
        failure ??= caller is not null ? null
            : settings.ApiKey is null && settings.ApiKeys is null && settings.Oidc is null ? "no auditor can be authenticated on this server (--api-keys FILE with an auditor key, --oidc-authority, or --api-key-file)"
            : $"send an auditor's key in the {Header} header (or an auditor's bearer token)";
        var log = logs.CreateLogger<ApiKeyFilter>();
        if (failure is not null)
        {
            RequestLog.AuditRefused(log, http.Request.Path, failure);
            http.Response.Headers.WWWAuthenticate = settings.Oidc is null ? "ApiKey header=\"X-Api-Key\"" : "Bearer, ApiKey header=\"X-Api-Key\"";
            return ApiProblems.Unauthorized(failure);
        }

        if (!caller!.IsAuditor)
        {
            var reason = $"{caller.Identity} is not an auditor: the audit trail and the stored cases are read with the auditor role";
            RequestLog.AuditRefused(log, http.Request.Path, reason);
            return ApiProblems.Forbidden(reason);
        }

        Callers.Set(http, caller);
        return await next(context);
    }

    /// <summary>Compares in constant time (over hashes, so the key's length does not leak either).</summary>
    public static bool SameKey(string given, string expected) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
