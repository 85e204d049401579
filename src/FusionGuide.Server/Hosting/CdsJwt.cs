using System.Collections.Concurrent;
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
/// server's clock, with one minute of skew), which carries a <c>jti</c> not seen before from the same issuer (the
/// specification's nonce against replay: <see cref="JtiReplayGuard"/>) and, when <c>--cds-jwt-issuer</c> is given,
/// whose <c>iss</c> matches.
/// </summary>
internal static class CdsJwt
{
    public const string Scheme = "CdsHooksJwt";

    /// <summary>Clock skew allowed on <c>exp</c> and <c>nbf</c>.</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    /// <summary>Registers the JwtBearer scheme; its options are read from the running <see cref="ServerSettings"/>.</summary>
    public static IServiceCollection AddCdsJwt(this IServiceCollection services)
    {
        services.AddSingleton<JtiReplayGuard>();
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<ServerSettings, TimeProvider, JtiReplayGuard>((o, settings, clock, replay) =>
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
            o.Events = new JwtBearerEvents { OnTokenValidated = ctx => Check(ctx, clock, replay) };
        });
        return services;
    }

    /// <summary>The audience a token for this request must name: the URL called, without query.</summary>
    public static string Audience(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";

    private static Task Check(TokenValidatedContext ctx, TimeProvider clock, JtiReplayGuard replay)
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
            : string.IsNullOrEmpty(token.Id) ? "the token has no jti claim (CDS Hooks requires a nonce per token)"
            // Last, so that only a token that passed every other check is remembered.
            : !replay.TryUse(token.Issuer, token.Id, token.ValidTo) ? "the token's jti was already used: a replayed token is refused (send a new token with each call)"
            : null;
        if (reason is not null)
        {
            ctx.Fail(reason);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Remembers each accepted token's (<c>iss</c>, <c>jti</c>) until the token expires (plus the clock skew), so the same
/// token cannot be used twice. Only tokens whose signature verified get here, and each entry leaves when its token
/// could no longer be accepted anyway, so the memory is bounded by the signed tokens of the last few minutes.
/// One process's memory: several server instances behind a balancer would need a shared store for this.
/// </summary>
internal sealed class JtiReplayGuard(TimeProvider clock)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Issuer, string Jti), DateTime> seen = new();
    private long nextSweepTicks;

    /// <summary>Number of remembered tokens (for tests).</summary>
    internal int Count => seen.Count;

    /// <summary>True the first time (issuer, jti) is presented while the token is valid; false for a replay.</summary>
    public bool TryUse(string issuer, string jti, DateTime validToUtc)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Sweep(now);
        var key = (issuer ?? "", jti);
        var keepUntil = validToUtc + CdsJwt.Skew;
        while (true)
        {
            if (seen.TryAdd(key, keepUntil))
            {
                return true;
            }

            // An entry whose token has expired (not yet swept) no longer protects anything: the new token takes its place.
            if (seen.TryGetValue(key, out var until) && until < now)
            {
                if (seen.TryUpdate(key, keepUntil, until))
                {
                    return true;
                }

                continue;
            }

            return false;
        }
    }

    private void Sweep(DateTime now)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepEvery).Ticks, due) != due)
        {
            return;
        }

        foreach (var (key, until) in seen)
        {
            if (until < now)
            {
                seen.TryRemove(new KeyValuePair<(string, string), DateTime>(key, until));
            }
        }
    }
}

/// <summary>Applies <see cref="CdsJwt"/> to a CDS Hooks endpoint: 401 problem details for a missing, bad or expired token.</summary>
internal sealed class CdsJwtFilter(ServerSettings settings) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var bearer = http.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim() : null;
        if (settings.Cds.JwtKeys is null)
        {
            // Not verified: the audit names what the token claims, and says it was not verified.
            Callers.Set(http, UnverifiedCaller(bearer));
            return await next(context);
        }

        string? reason;
        if (bearer is null)
        {
            reason = "send a bearer JWT in the Authorization header";
        }
        else
        {
            var result = await http.AuthenticateAsync(CdsJwt.Scheme);
            reason = result.Succeeded ? null : result.Failure?.Message ?? "the token was not accepted";
            if (result.Succeeded)
            {
                // The EHR (iss) and the client it registered (sub), as CDS Hooks 2.0 names them.
                Callers.Set(http, new Caller(new Audit.AuditCaller("cds-client", ClientName(result.Principal?.FindFirst("iss")?.Value, result.Principal?.FindFirst("sub")?.Value)), false));
            }
        }

        if (reason is null)
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid bearer token is required", detail: reason);
    }

    private static string ClientName(string? iss, string? sub) => $"{Cut(iss ?? "?")}|{Cut(sub ?? "?")}";

    // A claimed name is bounded: an unverified token could carry anything.
    private static string Cut(string s) => s.Length <= 200 ? s : s[..200];

    private static Caller UnverifiedCaller(string? bearer)
    {
        if (bearer is null)
        {
            return Caller.Anonymous;
        }

        try
        {
            var token = new JsonWebToken(bearer);
            return new Caller(new Audit.AuditCaller("cds-client-unverified", ClientName(token.Issuer is { Length: > 0 } i ? i : null,
                token.TryGetPayloadValue<string>("sub", out var sub) ? sub : null)), false);
        }
        catch (ArgumentException)
        {
            return Caller.Anonymous;
        }
    }
}
