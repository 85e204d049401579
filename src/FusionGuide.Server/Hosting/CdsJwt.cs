using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FusionGuide.Server.Hosting;

/// <summary>
/// Bearer JWT on the CDS Hooks routes (CDS Hooks 2.0 §Trusting CDS Clients). With no key configured a token is
/// accepted unverified (or absent). With a key (<c>--cds-jwt-key</c>) every call needs a token whose signature
/// verifies, whose <c>aud</c> is the URL called (<c>{scheme}://{host}{path}</c>), which has not expired (the
/// server's clock, with one minute of skew) and, when <c>--cds-jwt-issuer</c> is given, whose <c>iss</c> matches.
/// </summary>
internal static class CdsJwt
{
    public const string Scheme = "CdsHooksJwt";

    /// <summary>Clock skew allowed on <c>exp</c> and <c>nbf</c>.</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    /// <summary>Registers the JwtBearer scheme; its options are read from the running <see cref="ServerSettings"/>.</summary>
    public static IServiceCollection AddCdsJwt(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<ServerSettings, TimeProvider>((o, settings, clock) =>
        {
            o.MapInboundClaims = false;
            o.TimeProvider = clock;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                IssuerSigningKeys = settings.Cds.JwtKeys ?? [],
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                ValidateIssuer = settings.Cds.JwtIssuer is not null,
                ValidIssuer = settings.Cds.JwtIssuer,
                // Audience and lifetime depend on the request and the server's clock: checked in OnTokenValidated.
                ValidateAudience = false,
                ValidateLifetime = false,
            };
            o.Events = new JwtBearerEvents { OnTokenValidated = ctx => Check(ctx, clock) };
        });
        return services;
    }

    /// <summary>The audience a token for this request must name: the URL called, without query.</summary>
    public static string Audience(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";

    private static Task Check(TokenValidatedContext ctx, TimeProvider clock)
    {
        if (ctx.SecurityToken is not JsonWebToken token)
        {
            ctx.Fail("the token is not a JWT");
            return Task.CompletedTask;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var expected = Audience(ctx.Request).TrimEnd('/');
        var reason = !token.TryGetPayloadValue<long>("exp", out _) ? "the token has no exp claim"
            : token.ValidTo.Add(Skew) < now ? $"the token expired at {token.ValidTo.ToString("O", CultureInfo.InvariantCulture)}"
            : token.ValidFrom != DateTime.MinValue && token.ValidFrom.Subtract(Skew) > now ? "the token is not valid yet (nbf)"
            : !token.Audiences.Any(a => string.Equals(a.TrimEnd('/'), expected, StringComparison.Ordinal)) ? $"the token's audience is not {expected}"
            : null;
        if (reason is not null)
        {
            ctx.Fail(reason);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Applies <see cref="CdsJwt"/> to a CDS Hooks endpoint: 401 problem details for a missing, bad or expired token.</summary>
internal sealed class CdsJwtFilter(ServerSettings settings) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (settings.Cds.JwtKeys is null)
        {
            return await next(context);
        }

        var http = context.HttpContext;
        string? reason;
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            reason = "send a bearer JWT in the Authorization header";
        }
        else
        {
            var result = await http.AuthenticateAsync(CdsJwt.Scheme);
            reason = result.Succeeded ? null : result.Failure?.Message ?? "the token was not accepted";
        }

        if (reason is null)
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid bearer token is required", detail: reason);
    }
}
