using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FusionGuide.Server.Hosting;

/// <summary>
/// Declares in the OpenAPI document how the protected routes authenticate, so that a generated client or an API
/// gateway knows: <c>/v1/audit…</c> takes the <c>X-Api-Key</c> header, <c>/cds-services…</c> a bearer JWT
/// (checked only when the server has a CDS Hooks key, <c>--cds-jwt-key</c>).
/// </summary>
internal static class OpenApiSecurity
{
    public const string ApiKey = "ApiKey";
    public const string CdsJwt = "CdsHooksJwt";

    public static OpenApiOptions AddSecuritySchemes(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
                Description = "The audit API key (--api-key-file or FUSIONGUIDE_API_KEY); without one configured the audit routes are closed.",
            };
            document.Components.SecuritySchemes[CdsJwt] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "CDS Hooks 2.0 client JWT (iss, aud = the called URL, exp, iat, jti used once); verified when the server has --cds-jwt-key.",
            };
            foreach (var (path, item) in document.Paths)
            {
                var scheme = path.StartsWith("/v1/audit", StringComparison.Ordinal) ? ApiKey
                    : path.StartsWith("/cds-services", StringComparison.Ordinal) ? CdsJwt
                    : null;
                if (scheme is null || item.Operations is null)
                {
                    continue;
                }

                foreach (var operation in item.Operations.Values)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
                }
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
