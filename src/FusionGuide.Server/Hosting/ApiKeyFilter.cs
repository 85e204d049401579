using System.Security.Cryptography;
using System.Text;
using FusionGuide.Server.Api;

namespace FusionGuide.Server.Hosting;

/// <summary>
/// Lets a request through only with the configured <c>X-Api-Key</c>. With no key configured nothing gets through:
/// there is never a default key.
/// </summary>
internal sealed class ApiKeyFilter(ServerSettings settings, ILoggerFactory logs) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var reason = settings.ApiKey is not { Length: > 0 } key ? "no API key is configured on this server (--api-key-file or FUSIONGUIDE_API_KEY)"
            : context.HttpContext.Request.Headers[Header] is not [{ } given] ? $"send the key in the {Header} header"
            : !SameKey(given, key) ? $"the {Header} header does not hold the configured key"
            : null;
        if (reason is null)
        {
            return await next(context);
        }

        RequestLog.AuditRefused(logs.CreateLogger<ApiKeyFilter>(), context.HttpContext.Request.Path, reason);
        context.HttpContext.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        return ApiProblems.Unauthorized(reason);
    }

    /// <summary>Compares in constant time (over hashes, so the key's length does not leak either).</summary>
    private static bool SameKey(string given, string expected) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
