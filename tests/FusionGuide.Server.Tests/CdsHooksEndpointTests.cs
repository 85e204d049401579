using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Testing.Fhir;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;
using FusionGuide.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FusionGuide.Server.Tests;

/// <summary>CDS Hooks 2.0 over HTTP: discovery, patient-view, order-select, errors, feedback, the report link, CORS and JWT.</summary>
public sealed class CdsHooksEndpointTests : IDisposable
{
    private const string PatientView = "/cds-services/" + CdsHooksService.PatientViewId;
    private const string OrderSelect = "/cds-services/" + CdsHooksService.OrderSelectId;
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("a-shared-secret-of-at-least-32-bytes!!");

    private readonly List<ApiFactory> factories = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var f in factories)
        {
            f.Dispose();
        }

        SqliteConnection.ClearAllPools();
    }

    private ApiFactory Factory(CdsSettings? cds = null)
    {
        var f = cds is null ? new ApiFactory() : new ApiFactory { Cds = cds };
        factories.Add(f);
        return f;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Send(HttpClient client, HttpMethod method, string url, string? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = Http.Json(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, doc.RootElement.Clone(), response);
    }

    [Fact]
    public async Task Discovery_lists_each_service_once_under_a_unique_id_with_prefetch_templates()
    {
        var (status, body, _) = await Send(Factory().CreateClient(), HttpMethod.Get, "/cds-services");
        Assert.Equal(HttpStatusCode.OK, status);
        var services = body.GetProperty("services").EnumerateArray().ToList();
        // CDS Hooks 2.0: each service's id is unique within the discovery document.
        Assert.Equal([CdsHooksService.PatientViewId, CdsHooksService.OrderSelectId, CdsHooksService.OrderSignId], services.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["patient-view", "order-select", "order-sign"], services.Select(s => s.GetProperty("hook").GetString()));
        Assert.All(services, s => Assert.Equal("Patient/{{context.patientId}}", s.GetProperty("prefetch").GetProperty("patient").GetString()));
        Assert.All(services, s => Assert.Equal("Observation?patient={{context.patientId}}", s.GetProperty("prefetch").GetProperty("observations").GetString()));
    }

    [Fact]
    public async Task Patient_view_for_ALK_G1202R_recommends_lorlatinib_with_a_MedicationRequest_and_is_audited_and_reportable()
    {
        var factory = Factory();
        var client = factory.CreateClient();
        var (status, body, response) = await Send(client, HttpMethod.Post, PatientView, CdsFixture.PatientView(Scenarios.AlkG1202R()));
        Assert.Equal(HttpStatusCode.OK, status);
        var card = body.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("source").GetProperty("topic").GetProperty("code").GetString() == "systemic-therapy");
        Assert.StartsWith("Lorlatinib", card.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var action = card.GetProperty("suggestions")[0].GetProperty("actions")[0];
        Assert.Equal("create", action.GetProperty("type").GetString());
        Assert.Equal("MedicationRequest", action.GetProperty("resource").GetProperty("resourceType").GetString());
        Assert.Equal("2103164", action.GetProperty("resource").GetProperty("medicationCodeableConcept").GetProperty("coding")[0].GetProperty("code").GetString());

        // Audited like /v1/recommend, with the server's date; the card's report link is this server's /v1/reports/{token}
        // under its configured public URL.
        var id = long.Parse(response.Headers.GetValues("X-Audit-Record").Single(), System.Globalization.CultureInfo.InvariantCulture);
        await using var store = new SqliteAuditStore(factory.DbPath);
        var record = await store.GetAsync(id, Ct);
        Assert.Equal(("2026-11-24", "alk03"), (record!.Entry.AsOf, record.Entry.CaseId));
        Assert.Equal(AuditChain.Sha256(Encoding.UTF8.GetBytes(CdsFixture.PatientView(Scenarios.AlkG1202R()))), record.Entry.CaseSha256);
        var link = card.GetProperty("links")[0].GetProperty("url").GetString()!;
        Assert.Matches("^https://fg\\.example/v1/reports/[A-Za-z0-9_-]{43}$", link);
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri(link).PathAndQuery);
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var html = await client.SendAsync(page, Ct);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains("orlatinib", await html.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var (jsonStatus, json, _) = await Send(client, HttpMethod.Get, new Uri(link).PathAndQuery);
        Assert.Equal((HttpStatusCode.OK, "lorlatinib"), (jsonStatus, json.GetProperty("systemicTherapy").GetProperty("options")[0].GetProperty("therapy").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await Send(client, HttpMethod.Get, "/v1/reports/unknown-instance")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(client, HttpMethod.Get, $"/v1/reports/{CdsFixture.HookInstance}")).Status);

        // The token is the report's only credential: the request log names the route, never the token.
        var token = link[(link.LastIndexOf('/') + 1)..];
        // Nor when no report route matches: HEAD (405, sent first by link scanners), an extra segment or a double slash (404).
        using (var head = new HttpRequestMessage(HttpMethod.Head, $"/v1/reports/{token}"))
        {
            using var _ = await client.SendAsync(head, Ct);
        }

        await Send(client, HttpMethod.Get, $"/v1/reports/{token}/x");
        using (var doubled = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://localhost//v1/reports/{token}")))
        {
            using var _ = await client.SendAsync(doubled, Ct);
        }

        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Lines, l => l.Contains("Request finished HTTP/1.1 GET http://localhost/v1/reports/{token} - 200", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 29, HttpStatusCode.OK)]
    [InlineData(null, 31, HttpStatusCode.NotFound)]
    [InlineData(2, 1, HttpStatusCode.OK)]
    [InlineData(2, 3, HttpStatusCode.NotFound)]
    public async Task A_report_link_opens_its_report_for_the_configured_days_only(int? days, int daysLater, HttpStatusCode expected)
    {
        var factory = Factory(days is { } d ? new CdsSettings { Region = Domain.Region.US, ReportLinkDays = d } : null);
        var client = factory.CreateClient();
        var (_, body, _) = await Send(client, HttpMethod.Post, PatientView, CdsFixture.PatientView(Scenarios.AlkG1202R()));
        var link = new Uri(body.GetProperty("cards")[0].GetProperty("links")[0].GetProperty("url").GetString()!).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Get, link)).Status);

        factory.Clock.Now = ApiFactory.Now.AddDays(daysLater);
        var (status, problem, _) = await Send(client, HttpMethod.Get, link);

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.NotFound)
        {
            Assert.Contains("expired", problem.ToString(), StringComparison.Ordinal);
            Assert.Contains($"{days ?? CdsSettings.DefaultReportLinkDays} days", problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Order_select_of_alectinib_gets_a_critical_card_and_of_lorlatinib_none()
    {
        var client = Factory().CreateClient();
        var alectinib = CdsFixture.OrderSelect(Scenarios.AlkG1202R(), CdsFixture.Draft("draft-1", "1727455", "alectinib", 600, 2));
        var (status, body, _) = await Send(client, HttpMethod.Post, OrderSelect, alectinib);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("critical", Assert.Single(body.GetProperty("cards").EnumerateArray()).GetProperty("indicator").GetString());

        var lorlatinib = CdsFixture.OrderSelect(Scenarios.AlkG1202R(), CdsFixture.Draft("draft-2", "2103164", "lorlatinib", 100, 1));
        (status, body, _) = await Send(client, HttpMethod.Post, OrderSelect, lorlatinib);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("cards").GetArrayLength());
    }

    [Fact]
    public async Task Order_sign_has_its_own_service_id_and_the_order_select_id_still_answers_order_sign()
    {
        var client = Factory().CreateClient();
        var alectinib = CdsFixture.Draft("draft-1", "1727455", "alectinib", 600, 2);
        var (status, body, _) = await Send(client, HttpMethod.Post, "/cds-services/" + CdsHooksService.OrderSignId, CdsFixture.OrderSelect(Scenarios.AlkG1202R(), alectinib, "order-sign"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("critical", Assert.Single(body.GetProperty("cards").EnumerateArray()).GetProperty("indicator").GetString());

        // A client set up before the split keeps working; the order-sign service answers order-sign only.
        (status, _, _) = await Send(client, HttpMethod.Post, OrderSelect, CdsFixture.OrderSelect(Scenarios.AlkG1202R(), alectinib, "order-sign"));
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _, _) = await Send(client, HttpMethod.Post, "/cds-services/" + CdsHooksService.OrderSignId, CdsFixture.OrderSelect(Scenarios.AlkG1202R(), alectinib, "order-select"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Missing_prefetch_is_412_malformed_is_400_unknown_service_is_404_all_problem_details()
    {
        var client = Factory().CreateClient();
        var prefetch = CdsFixture.Prefetch(Scenarios.AlkG1202R());
        prefetch.Remove("observations");
        var (status, body, response) = await Send(client, HttpMethod.Post, PatientView, CdsFixture.PatientView(Scenarios.AlkG1202R(), prefetch));
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(412, body.GetProperty("status").GetInt32());
        Assert.Equal("$.prefetch.observations: is missing", body.GetProperty("errors")[0].GetString());

        (status, body, response) = await Send(client, HttpMethod.Post, PatientView, "{\"hook\":\"patient-view\"}");
        Assert.Equal((HttpStatusCode.BadRequest, 400), (status, body.GetProperty("status").GetInt32()));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        (status, _, _) = await Send(client, HttpMethod.Post, PatientView, "not json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, _, _) = await Send(client, HttpMethod.Post, "/cds-services/nope", CdsFixture.PatientView(Scenarios.AlkG1202R()));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Feedback_is_stored_and_a_bad_body_is_400()
    {
        var factory = Factory();
        var client = factory.CreateClient();
        const string feedback = """{"feedback":[{"card":"c1","outcome":"accepted","acceptedSuggestions":[{"id":"s1"}],"outcomeTimestamp":"2026-11-24T10:00:00Z"},{"card":"c2","outcome":"overridden","overrideReason":{"reason":{"system":"urn:x","code":"patient-preference","display":"Patient preference"},"userComment":"declined"},"outcomeTimestamp":"2026-11-24T10:01:00Z"}]}""";
        var (status, _, _) = await Send(client, HttpMethod.Post, PatientView + "/feedback", feedback);
        Assert.Equal(HttpStatusCode.OK, status);

        var (badStatus, bad, _) = await Send(client, HttpMethod.Post, PatientView + "/feedback", """{"feedback":[{"card":"c1","outcome":"maybe"}]}""");
        Assert.Equal((HttpStatusCode.BadRequest, 400), (badStatus, bad.GetProperty("status").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await Send(client, HttpMethod.Post, "/cds-services/nope/feedback", feedback)).Status);

        await using var store = new SqliteAuditStore(factory.DbPath);
        var stored = await store.ListFeedbackAsync(0, 10, Ct);
        Assert.Equal([("c1", "accepted"), ("c2", "overridden")], stored.Select(f => (f.Card, f.Outcome)));
        Assert.Equal(["s1"], stored[0].AcceptedSuggestions);
        Assert.Equal(("patient-preference", "declined", CdsHooksService.PatientViewId), (stored[1].OverrideReasonCode, stored[1].UserComment, stored[1].ServiceId));
        Assert.Equal(ApiFactory.Now.UtcDateTime, DateTime.Parse(stored[0].ReceivedAt, null, System.Globalization.DateTimeStyles.RoundtripKind));

        // Readable over HTTP with the audit API key (and only with it).
        using var read = new HttpRequestMessage(HttpMethod.Get, "/v1/audit/cds-feedback?limit=10");
        read.Headers.Add("X-Api-Key", ApiFactory.Key);
        using var page = await client.SendAsync(read, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var items = JsonDocument.Parse(await page.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("feedback");
        Assert.Equal(["c1", "c2"], items.EnumerateArray().Select(f => f.GetProperty("card").GetString()));
        Assert.Equal("declined", items[1].GetProperty("userComment").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, HttpMethod.Get, "/v1/audit/cds-feedback")).Status);
    }

    [Fact]
    public async Task CORS_preflight_is_answered_for_any_origin()
    {
        var client = Factory(new CdsSettings { JwtKeys = [new SymmetricSecurityKey(Secret)] }).CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, PatientView);
        preflight.Headers.Add("Origin", "https://ehr.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var response = await client.SendAsync(preflight, Ct);
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var methods = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods"));
        Assert.Contains("POST", methods, StringComparison.Ordinal);
        var headers = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.Contains("content-type", headers, StringComparison.Ordinal);

        using var get = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        get.Headers.Add("Origin", "https://ehr.example");
        using var refused = await client.SendAsync(get, Ct);
        Assert.Equal((HttpStatusCode.Unauthorized, "*"), (refused.StatusCode, refused.Headers.GetValues("Access-Control-Allow-Origin").Single()));
    }

    private static string Token(string audience, DateTimeOffset expires, byte[]? key = null, string issuer = "https://ehr.example", string? jti = "fresh") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, IssuedAt = expires.UtcDateTime.AddMinutes(-10), NotBefore = expires.UtcDateTime.AddMinutes(-10),
            Expires = expires.UtcDateTime,
            Claims = jti is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["jti"] = jti == "fresh" ? Guid.NewGuid().ToString() : jti },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Secret), SecurityAlgorithms.HmacSha256),
        });

    [Fact]
    public async Task With_a_key_a_token_used_twice_or_without_a_jti_gets_401()
    {
        var client = Factory(new CdsSettings { JwtKeys = [new SymmetricSecurityKey(Secret)], JwtIssuer = "https://ehr.example", Region = Domain.Region.US }).CreateClient();
        var later = ApiFactory.Now.AddMinutes(5);
        var body = CdsFixture.PatientView(Scenarios.AlkG1202R());
        const string audience = "http://localhost" + PatientView;
        var token = Token(audience, later);

        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Post, PatientView, body, token)).Status);
        var (replayed, problem, _) = await Send(client, HttpMethod.Post, PatientView, body, token);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed);
        Assert.Contains("already used", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Without a jti there is nothing to check a replay against: refused, as CDS Hooks requires one.
        var (noJti, missing, _) = await Send(client, HttpMethod.Post, PatientView, body, Token(audience, later, jti: null));
        Assert.Equal(HttpStatusCode.Unauthorized, noJti);
        Assert.Contains("no jti", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.Unauthorized)]
    public async Task Behind_a_trusted_proxy_the_JWT_audience_is_the_original_URL_and_otherwise_the_forwarded_headers_are_ignored(bool trusted, HttpStatusCode expected)
    {
        // The real server on Kestrel (the forwarded-headers middleware reads the connection's address): the proxy is 127.0.0.1.
        await using var server = await RunningServer.StartAsync(s => s with
        {
            Cds = new CdsSettings { JwtKeys = [new SymmetricSecurityKey(Secret)], Region = Domain.Region.US },
            TrustedProxies = trusted ? [System.Net.IPNetwork.Parse("127.0.0.1/32")] : [],
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, PatientView) { Content = Http.Json(CdsFixture.PatientView(Scenarios.AlkG1202R())) };
        // The TLS-terminating proxy received https://fg.example/…; the token names that URL (its clock is the real one here).
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token("https://fg.example" + PatientView, DateTimeOffset.UtcNow.AddMinutes(5)));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "fg.example");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.SendAsync(request, Ct);
        Assert.True(expected == response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public void The_replay_guard_refuses_a_jti_while_its_token_is_valid_and_forgets_it_after()
    {
        var clock = new FixedClock(ApiFactory.Now);
        var guard = new JtiReplayGuard(clock);
        var validTo = ApiFactory.Now.UtcDateTime.AddMinutes(5);
        Assert.True(guard.TryUse("https://ehr.example", "n-1", validTo));
        Assert.False(guard.TryUse("https://ehr.example", "n-1", validTo));
        Assert.True(guard.TryUse("https://other.example", "n-1", validTo));
        // After expiry plus the skew the token could not be accepted anyway: the entry is swept and the jti may recur.
        clock.Now = ApiFactory.Now.AddMinutes(5) + CdsJwt.Skew + TimeSpan.FromMinutes(2);
        Assert.True(guard.TryUse("https://ehr.example", "n-2", validTo.AddMinutes(10)));
        Assert.Equal(1, guard.Count);
        Assert.True(guard.TryUse("https://ehr.example", "n-1", clock.Now.UtcDateTime.AddMinutes(5)));
    }

    [Fact]
    public async Task With_a_key_a_valid_token_passes_and_an_expired_token_a_wrong_audience_a_wrong_key_or_none_get_401()
    {
        var client = Factory(new CdsSettings { JwtKeys = [new SymmetricSecurityKey(Secret)], JwtIssuer = "https://ehr.example", Region = Domain.Region.US }).CreateClient();
        var later = ApiFactory.Now.AddMinutes(5);
        var body = CdsFixture.PatientView(Scenarios.AlkG1202R());
        const string audience = "http://localhost" + PatientView;

        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Post, PatientView, body, Token(audience, later))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Get, "/cds-services", token: Token("http://localhost/cds-services", later))).Status);

        var cases = new (string? Token, string Why)[]
        {
            (Token(audience, ApiFactory.Now.AddMinutes(-5)), "expired"),
            (Token("http://localhost" + OrderSelect, later), "audience"),
            (Token(audience, later, Encoding.UTF8.GetBytes("another-secret-that-is-long-enough-too!")), "signature"),
            (Token(audience, later, issuer: "https://elsewhere.example"), "issuer"),
            ("not.a.jwt", "malformed"),
            (null, "Authorization"),
        };
        foreach (var (token, why) in cases)
        {
            var (status, problem, response) = await Send(client, HttpMethod.Post, PatientView, body, token);
            Assert.True(status == HttpStatusCode.Unauthorized, $"{why}: {status}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
        }

        var (_, expired, _) = await Send(client, HttpMethod.Post, PatientView, body, Token(audience, ApiFactory.Now.AddMinutes(-5)));
        Assert.Contains("expired", expired.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (_, wrongAudience, _) = await Send(client, HttpMethod.Post, PatientView, body, Token("http://localhost" + OrderSelect, later));
        Assert.Contains("audience", wrongAudience.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_any_token_is_accepted()
    {
        var client = Factory().CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Get, "/cds-services", token: "anything")).Status);
    }
}
