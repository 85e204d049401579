using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;
using FusionGuide.Server.Tests.Support;
using FusionGuide.Testing.Fhir;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FusionGuide.Server.Tests;

/// <summary>
/// Issue #24 item 5: every audit record names who asked — a named API key, an OIDC token's subject, the user a trusted
/// proxy names, the CDS client's iss|sub, or anonymous on a server that asks nobody — and only auditors read the trail.
/// </summary>
public sealed class CallerIdentityTests
{
    private const string ClinicianKey = "fgk_clinician-key-for-tests-0123456789";
    private const string AuditorKey = "fgk_auditor-key-for-tests-9876543210";
    private const string Authority = "https://idp.hospital.example/realms/fg";
    private const string Audience = "fusionguide";
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("an-identity-provider-secret-of-32-bytes+");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NamedApiKeys Keys()
    {
        var file = string.Join('\n', NamedApiKeys.Line("ward-7", CallerRole.Clinician, ClinicianKey), NamedApiKeys.Line("audit-office", CallerRole.Auditor, AuditorKey));
        var (keys, problems) = NamedApiKeys.Parse(file);
        Assert.Empty(problems);
        return keys;
    }

    private static ApiFactory WithKeys() => new() { ApiKey = null, Configure = s => s with { ApiKeys = Keys() } };

    private static ApiFactory WithOidc() => new()
    {
        ApiKey = null,
        Configure = s => s with { ApiKeys = Keys(), Oidc = new OidcSettings(Authority, Audience, [new SymmetricSecurityKey(Secret)]) },
    };

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string? key = null, string? bearer = null, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = Http.Json(body);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> Record(HttpClient client, string id)
    {
        using var r = await Send(client, HttpMethod.Get, $"/v1/audit/{id}", AuditorKey);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await Http.Body(r)).GetProperty("caller");
    }

    private static string IdOf(HttpResponseMessage r) => r.Headers.GetValues("X-Audit-Record").Single();

    [Fact]
    public async Task A_named_key_is_recorded_by_its_name_and_shown_in_the_audit_list()
    {
        using var factory = WithKeys();
        var client = factory.CreateClient();
        using var served = await Send(client, HttpMethod.Post, "/v1/recommend", ClinicianKey, body: Http.ExampleCase);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);

        var caller = await Record(client, IdOf(served));
        Assert.Equal(("api-key", "ward-7"), (caller.GetProperty("kind").GetString(), caller.GetProperty("name").GetString()));
        using var list = await Send(client, HttpMethod.Get, "/v1/audit", AuditorKey);
        var listed = (await Http.Body(list)).GetProperty("records")[0].GetProperty("caller");
        Assert.Equal("ward-7", listed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task With_caller_authentication_configured_a_recommendation_without_a_caller_or_with_a_wrong_key_gets_401_and_is_not_recorded()
    {
        using var factory = WithKeys();
        var client = factory.CreateClient();
        using var none = await Send(client, HttpMethod.Post, "/v1/recommend", body: Http.ExampleCase);
        using var wrong = await Send(client, HttpMethod.Post, "/v1/recommend", "fgk_not-a-key-of-this-server-00000", body: Http.ExampleCase);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (none.StatusCode, wrong.StatusCode));
        await using var store = new SqliteAuditStore(factory.DbPath, AuditStoreAccess.ReadOnly);
        Assert.Equal(0, (await store.ListAsync(0, 10, Ct)).Total);
    }

    [Fact]
    public async Task Audit_reads_and_case_replay_are_for_auditors_only_401_without_a_caller_and_403_for_another_role()
    {
        using var factory = WithKeys();
        var client = factory.CreateClient();
        using var served = await Send(client, HttpMethod.Post, "/v1/recommend", ClinicianKey, body: Http.ExampleCase);
        var id = IdOf(served);
        foreach (var url in new[] { "/v1/audit", $"/v1/audit/{id}", $"/v1/audit/{id}/case", "/v1/audit/cds-feedback" })
        {
            using var anonymous = await Send(client, HttpMethod.Get, url);
            using var clinician = await Send(client, HttpMethod.Get, url, ClinicianKey);
            using var auditor = await Send(client, HttpMethod.Get, url, AuditorKey);
            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.OK), (anonymous.StatusCode, clinician.StatusCode, auditor.StatusCode));
            Assert.Contains("not an auditor", (await Http.Body(clinician)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_key_is_never_stored_or_logged_in_clear_only_its_name()
    {
        using var factory = WithKeys();
        var client = factory.CreateClient();
        using (await Send(client, HttpMethod.Post, "/v1/recommend", ClinicianKey, body: Http.ExampleCase))
        using (await Send(client, HttpMethod.Get, "/v1/audit", ClinicianKey))
        using (await Send(client, HttpMethod.Get, "/v1/audit", AuditorKey))
        using (await Send(client, HttpMethod.Get, "/v1/audit", ClinicianKey + "x"))
        {
        }

        SqliteConnection.ClearAllPools();
        var stored = string.Concat(Directory.GetFiles(Path.GetDirectoryName(factory.DbPath)!, "audit.db*", SearchOption.AllDirectories)
            .Where(File.Exists).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        var logs = string.Join('\n', factory.Logs.Lines);
        Assert.Contains("ward-7", stored, StringComparison.Ordinal);
        Assert.Contains("not an auditor", logs, StringComparison.Ordinal);
        foreach (var key in new[] { ClinicianKey, AuditorKey, "clinician-key-for-tests", "auditor-key-for-tests" })
        {
            Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(key, logs, StringComparison.Ordinal);
        }

        // The key file holds salted hashes: two lines for the same key differ, and neither holds the key.
        var (a, b) = (NamedApiKeys.Line("x", CallerRole.Clinician, ClinicianKey), NamedApiKeys.Line("x", CallerRole.Clinician, ClinicianKey));
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("clinician-key", a + b, StringComparison.Ordinal);
    }

    private static string OidcToken(string subject, string? role = null, string audience = Audience, DateTimeOffset? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority, Audience = audience, Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", subject)]),
            IssuedAt = ApiFactory.Now.UtcDateTime.AddMinutes(-5), NotBefore = ApiFactory.Now.UtcDateTime.AddMinutes(-5),
            Expires = (expires ?? ApiFactory.Now.AddMinutes(30)).UtcDateTime,
            Claims = role is null ? null : new Dictionary<string, object> { ["roles"] = new[] { "clinician", role } },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Secret), SecurityAlgorithms.HmacSha256),
        });

    [Fact]
    public async Task An_OIDC_bearer_token_is_recorded_by_its_subject_and_its_auditor_role_opens_the_audit()
    {
        using var factory = WithOidc();
        var client = factory.CreateClient();
        using var served = await Send(client, HttpMethod.Post, "/v1/recommend", bearer: OidcToken("dr.ayse"), body: Http.ExampleCase);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var caller = await Record(client, IdOf(served));
        Assert.Equal(("oidc", "dr.ayse"), (caller.GetProperty("kind").GetString(), caller.GetProperty("name").GetString()));

        using var clinician = await Send(client, HttpMethod.Get, "/v1/audit", bearer: OidcToken("dr.ayse"));
        using var auditor = await Send(client, HttpMethod.Get, "/v1/audit", bearer: OidcToken("m.audit", role: "auditor"));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (clinician.StatusCode, auditor.StatusCode));
    }

    [Theory]
    [InlineData("audience")]
    [InlineData("expired")]
    [InlineData("signature")]
    public async Task An_OIDC_token_that_does_not_hold_gets_401(string fault)
    {
        using var factory = WithOidc();
        var client = factory.CreateClient();
        var token = fault switch
        {
            "audience" => OidcToken("dr.ayse", audience: "another-app"),
            "expired" => OidcToken("dr.ayse", expires: ApiFactory.Now.AddMinutes(-5)),
            _ => OidcToken("dr.ayse")[..^4] + "AAAA",
        };
        using var r = await Send(client, HttpMethod.Post, "/v1/recommend", bearer: token, body: Http.ExampleCase);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.Unauthorized)]
    public async Task The_user_a_trusted_proxy_names_is_recorded_and_the_header_is_refused_from_anyone_else(bool trusted, HttpStatusCode expected)
    {
        // Kestrel on 127.0.0.1: the test client is the proxy when 127.0.0.1 is trusted.
        await using var server = await RunningServer.StartAsync(s => s with
        {
            TrustedProxies = [System.Net.IPNetwork.Parse(trusted ? "127.0.0.1/32" : "10.0.0.0/8")],
            ProxyUserHeader = "X-Forwarded-User",
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/recommend") { Content = Http.Json(Http.ExampleCase) };
        request.Headers.Add("X-Forwarded-User", "jdoe@hospital.example");
        using var r = await client.SendAsync(request, Ct);
        Assert.Equal(expected, r.StatusCode);
        if (trusted)
        {
            var record = await server.Audit.GetAsync(long.Parse(IdOf(r), System.Globalization.CultureInfo.InvariantCulture), Ct);
            Assert.Equal(new AuditCaller("proxy", "jdoe@hospital.example"), record!.Entry.Caller);
        }
    }

    [Fact]
    public async Task A_CDS_client_is_recorded_by_its_verified_iss_and_sub()
    {
        var cdsSecret = Encoding.UTF8.GetBytes("a-shared-secret-of-at-least-32-bytes!!");
        using var factory = new ApiFactory { Cds = new CdsSettings { JwtKeys = [new SymmetricSecurityKey(cdsSecret)], Region = Domain.Region.US } };
        var client = factory.CreateClient();
        const string path = "/cds-services/" + CdsHooksService.PatientViewId;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://ehr.example", Audience = "http://localhost" + path,
            IssuedAt = ApiFactory.Now.UtcDateTime.AddMinutes(-1), NotBefore = ApiFactory.Now.UtcDateTime.AddMinutes(-1), Expires = ApiFactory.Now.UtcDateTime.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString(), ["sub"] = "epic-client-42" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(cdsSecret), SecurityAlgorithms.HmacSha256),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Http.Json(CdsFixture.PatientView(Scenarios.AlkG1202R())) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var r = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        await using var store = new SqliteAuditStore(factory.DbPath, AuditStoreAccess.ReadOnly);
        Assert.Equal(new AuditCaller("cds-client", "https://ehr.example|epic-client-42"), (await store.GetAsync(long.Parse(IdOf(r), System.Globalization.CultureInfo.InvariantCulture), Ct))!.Entry.Caller);
    }

    [Fact]
    public async Task A_server_configured_to_ask_nobody_records_anonymous_and_the_single_legacy_key_still_reads_the_audit()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        using var served = await Send(client, HttpMethod.Post, "/v1/recommend", body: Http.ExampleCase);
        using var read = await Send(client, HttpMethod.Get, $"/v1/audit/{IdOf(served)}", ApiFactory.Key);
        var caller = (await Http.Body(read)).GetProperty("caller");
        Assert.Equal(("anonymous", ""), (caller.GetProperty("kind").GetString(), caller.GetProperty("name").GetString()));
    }
}
