using System.Globalization;
using System.Security.Claims;
using FusionGuide.Server.Audit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FusionGuide.Server.Hosting;

/// <summary>
/// The hospital's identity provider (<c>--oidc-authority</c>): an access token it issued, sent as
/// <c>Authorization: Bearer …</c> to <c>/v1/recommend</c> or <c>/v1/audit</c>, names the caller by its <c>sub</c>.
/// </summary>
/// <param name="Authority">The issuer URL; the token's <c>iss</c> must be it, and its keys come from its OpenID
/// Connect discovery document (<c>{Authority}/.well-known/openid-configuration</c>) unless <paramref name="Keys"/> is given.</param>
/// <param name="Audience">The <c>aud</c> the token must carry (the client id or API identifier the provider issues it for).</param>
/// <param name="Keys">Signing keys from a file (<c>--oidc-jwt-key</c>: JWKS, PEM or HS256 secret), for a site without
/// discovery (or an air-gapped one); null: discovery.</param>
/// <param name="AuditorClaim">The claim holding roles or groups (<c>roles</c> by default).</param>
/// <param name="AuditorValue">The value of <paramref name="AuditorClaim"/> that makes the caller an auditor (<c>auditor</c> by default).</param>
public sealed record OidcSettings(string Authority, string Audience, IReadOnlyList<SecurityKey>? Keys, string AuditorClaim = "roles", string AuditorValue = "auditor");

/// <summary>Registers and reads the OIDC bearer scheme (only when <see cref="ServerSettings.Oidc"/> is configured).</summary>
internal static class OidcBearer
{
    public const string Scheme = "OidcBearer";

    /// <summary>Registers the scheme; its options are read from the running <see cref="ServerSettings"/>.</summary>
    public static IServiceCollection AddOidcBearer(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        // The CDS Hooks scheme stays the default the pipeline authenticates with (the rate limiter keys by its subject):
        // with a second scheme there would otherwise be none. This one runs only when a caller is looked for.
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o => o.DefaultAuthenticateScheme ??= CdsJwt.Scheme);
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<ServerSettings, TimeProvider>((o, settings, clock) =>
        {
            if (settings.Oidc is not { } oidc)
            {
                return;
            }

            o.MapInboundClaims = false;
            o.TimeProvider = clock;
            if (oidc.Keys is null)
            {
                o.Authority = oidc.Authority;
            }

            var issuer = oidc.Authority.TrimEnd('/');
            o.TokenValidationParameters = new TokenValidationParameters
            {
                IssuerSigningKeys = oidc.Keys,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                ValidateIssuer = true,
                // Providers differ on the trailing slash of their issuer.
                ValidIssuers = [issuer, issuer + "/"],
                ValidateAudience = true,
                ValidAudience = oidc.Audience,
                // Checked against the server's clock below (the validator's own reads the system clock).
                ValidateLifetime = false,
                NameClaimType = "sub",
            };
            o.Events = new JwtBearerEvents { OnTokenValidated = ctx => CheckLifetime(ctx, clock) };
        });
        return services;
    }

    /// <summary>The caller a validated token names: its subject, and whether it carries the auditor role.</summary>
    public static Caller CallerOf(ClaimsPrincipal principal, OidcSettings oidc)
    {
        var sub = principal.FindFirst("sub")?.Value ?? "";
        var auditor = principal.Claims.Any(c => c.Type == oidc.AuditorClaim && c.Value == oidc.AuditorValue);
        return new Caller(new AuditCaller("oidc", sub), auditor);
    }

    private static Task CheckLifetime(TokenValidatedContext ctx, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = ctx.SecurityToken is not JsonWebToken token ? "the token is not a JWT"
            : !token.TryGetPayloadValue<long>("exp", out _) ? "the token has no exp claim"
            : token.ValidTo.Add(CdsJwt.Skew) < now ? $"the token expired at {token.ValidTo.ToString("O", CultureInfo.InvariantCulture)}"
            : token.ValidFrom != DateTime.MinValue && token.ValidFrom.Subtract(CdsJwt.Skew) > now ? "the token is not valid yet (nbf)"
            : string.IsNullOrEmpty(token.Subject) ? "the token has no sub claim: it names no caller"
            : null;
        if (reason is not null)
        {
            ctx.Fail(reason);
        }

        return Task.CompletedTask;
    }
}
