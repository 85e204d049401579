using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Testing.Fhir;
using FusionGuide.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Tests;

/// <summary>
/// Issue #21 item 5: no report across patients. Report links carry a per-call token, hook instances are UUIDs, links are
/// built from the configured public URL (or a trusted proxy's), card uuids are unique per call, patient data is never
/// cached, and the report page is styled within the server's own Content-Security-Policy.
/// </summary>
public sealed partial class PatientDataSafetyTests : IDisposable
{
    private const string PatientView = "/cds-services/" + CdsHooksService.PatientViewId;
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

    private ApiFactory Factory(Uri? publicUrl = null, bool withPublicUrl = true)
    {
        var f = withPublicUrl ? new ApiFactory { PublicUrl = publicUrl ?? new Uri("https://fg.example/") } : new ApiFactory { PublicUrl = null };
        factories.Add(f);
        return f;
    }

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> Post(HttpClient client, string url, string body, Action<HttpRequestMessage>? edit = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Http.Json(body) };
        edit?.Invoke(request);
        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response, doc.RootElement.Clone());
    }

    private static List<string> Links(JsonElement body) =>
        [.. body.GetProperty("cards").EnumerateArray().SelectMany(c => c.TryGetProperty("links", out var l) ? l.EnumerateArray() : []).Select(l => l.GetProperty("url").GetString()!)];

    private static async Task<JsonElement> Report(HttpClient client, string link)
    {
        using var response = await client.GetAsync(new Uri(link).PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Http.Body(response);
    }

    [Fact]
    public async Task A_server_that_requires_no_caller_says_so_in_its_log_at_start()
    {
        // Probe S22D: deploy.md's first steps, followed literally, served patient plans to anyone on the network with no word.
        var factory = Factory();
        using var client = factory.CreateClient();
        using var _ = await client.GetAsync("/healthz", Ct);

        Assert.Contains(factory.Logs.Lines, l => l.Contains("/v1/recommend (and the web page, which calls it) answer anyone who can reach this server", StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Lines, l => l.Contains("the CDS Hooks services answer anyone", StringComparison.Ordinal) && l.Contains("--cds-jwt-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reused_hook_instance_for_another_patient_never_opens_the_first_patients_report()
    {
        var client = Factory().CreateClient();
        // The same hookInstance (a client bug, or a replayed request) for patient alk03 and then patient alk01.
        var (firstResponse, first) = await Post(client, PatientView, CdsFixture.PatientView(Scenarios.AlkG1202R()));
        var (secondResponse, second) = await Post(client, PatientView, CdsFixture.PatientView(Scenarios.AlkFirstLine()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstResponse.StatusCode, secondResponse.StatusCode));
        var firstLink = Links(first).Distinct().Single();
        var secondLink = Links(second).Distinct().Single();
        Assert.NotEqual(firstLink, secondLink);
        Assert.DoesNotContain(CdsFixture.HookInstance, firstLink, StringComparison.Ordinal);

        // Each link opens its own patient's report, also after the instance was reused; the hook instance opens nothing.
        Assert.Equal("alk03", (await Report(client, firstLink)).GetProperty("caseId").GetString());
        Assert.Equal("alk01", (await Report(client, secondLink)).GetProperty("caseId").GetString());
        using var byInstance = await client.GetAsync($"/v1/reports/{CdsFixture.HookInstance}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, byInstance.StatusCode);

        // Card uuids are unique per call, even for the same hook instance.
        var uuids = first.GetProperty("cards").EnumerateArray().Concat(second.GetProperty("cards").EnumerateArray()).Select(c => c.GetProperty("uuid").GetString()).ToList();
        Assert.Equal(uuids.Count, uuids.Distinct().Count());
    }

    [Fact]
    public async Task The_same_request_twice_gives_two_report_links_and_new_card_uuids()
    {
        var client = Factory().CreateClient();
        var body = CdsFixture.PatientView(Scenarios.AlkG1202R());
        var (_, first) = await Post(client, PatientView, body);
        var (_, second) = await Post(client, PatientView, body);
        Assert.NotEqual(Links(first)[0], Links(second)[0]);
        Assert.Empty(first.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("uuid").GetString())
            .Intersect(second.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("uuid").GetString())));
        Assert.Equal("alk03", (await Report(client, Links(first)[0])).GetProperty("caseId").GetString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("alk03-chart-opening")]
    [InlineData("../../v1/audit")]
    public async Task A_hook_instance_that_is_not_a_UUID_is_400(string hookInstance)
    {
        var body = JsonNode.Parse(CdsFixture.PatientView(Scenarios.AlkG1202R()))!;
        body["hookInstance"] = hookInstance;
        var (response, problem) = await Post(Factory().CreateClient(), PatientView, body.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetString()!.StartsWith("$.hookInstance: must be a UUID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Card_links_use_the_configured_public_url_never_the_Host_header()
    {
        var client = Factory(new Uri("https://fusionguide.hospital.example/cds/")).CreateClient();
        var (_, body) = await Post(client, PatientView, CdsFixture.PatientView(Scenarios.AlkG1202R()), r => r.Headers.Host = "attacker.example");
        Assert.All(Links(body), l => Assert.StartsWith("https://fusionguide.hospital.example/cds/v1/reports/", l, StringComparison.Ordinal));
        Assert.All(body.GetProperty("cards").EnumerateArray(), c => Assert.Equal("https://fusionguide.hospital.example/cds/", c.GetProperty("source").GetProperty("url").GetString()));
        Assert.DoesNotContain("attacker", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_url_links_never_come_from_the_Host_header()
    {
        // With no --public-url and no trusted proxy, the base is the configured listening address (or no link at all).
        var client = Factory(withPublicUrl: false).CreateClient();
        var (response, body) = await Post(client, PatientView, CdsFixture.PatientView(Scenarios.AlkG1202R()), r => r.Headers.Host = "attacker.example");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body.GetProperty("cards").EnumerateArray());
        Assert.DoesNotContain("attacker", body.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_Kestrel_links_use_the_trusted_proxys_forwarded_host_and_otherwise_the_listening_address(bool trusted)
    {
        await using var server = await RunningServer.StartAsync(s => s with
        {
            Cds = new Server.Hosting.CdsSettings { Region = Domain.Region.US },
            TrustedProxies = trusted ? [IPNetwork.Parse("127.0.0.1/32")] : [],
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var (_, body) = await Post(client, PatientView, CdsFixture.PatientView(Scenarios.AlkG1202R()), r =>
        {
            r.Headers.Host = "attacker.example";
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-Host", "fg.example");
            r.Headers.Add("X-Forwarded-For", "203.0.113.7");
        });
        var expected = trusted ? "https://fg.example/v1/reports/" : new Uri(server.BaseAddress, "/v1/reports/").ToString();
        Assert.All(Links(body), l => Assert.StartsWith(expected, l, StringComparison.Ordinal));
        Assert.NotEmpty(Links(body));
    }

    [Fact]
    public async Task Responses_with_patient_data_are_no_store()
    {
        var client = Factory().CreateClient();
        var responses = new List<(string What, HttpResponseMessage Response)>();
        var (hook, cards) = await Post(client, PatientView, CdsFixture.PatientView(Scenarios.AlkG1202R()));
        responses.Add(("cds-services hook", hook));
        responses.Add(("cds-services 400", (await Post(client, PatientView, "{\"hook\":\"patient-view\"}")).Response));
        responses.Add(("recommend", await Http.Post(client, "/v1/recommend", Http.Json(Http.ExampleCase))));
        responses.Add(("recommend html", await Http.Post(client, "/v1/recommend", Http.Json(Http.ExampleCase), "text/html")));
        responses.Add(("recommend 400", await Http.Post(client, "/v1/recommend", Http.Json("{\"patient\":{\"age\":-1}}"))));
        responses.Add(("validate", await Http.Post(client, "/v1/validate", Http.Json(Http.ExampleCase))));
        responses.Add(("report", await client.GetAsync(new Uri(Links(cards)[0]).PathAndQuery, Ct)));
        using var audit = new HttpRequestMessage(HttpMethod.Get, "/v1/audit?limit=5");
        audit.Headers.Add("X-Api-Key", ApiFactory.Key);
        responses.Add(("audit list", await client.SendAsync(audit, Ct)));
        using var one = new HttpRequestMessage(HttpMethod.Get, $"/v1/audit/{hook.Headers.GetValues("X-Audit-Record").Single()}");
        one.Headers.Add("X-Api-Key", ApiFactory.Key);
        responses.Add(("audit record", await client.SendAsync(one, Ct)));
        using var feedback = new HttpRequestMessage(HttpMethod.Get, "/v1/audit/cds-feedback");
        feedback.Headers.Add("X-Api-Key", ApiFactory.Key);
        responses.Add(("audit feedback", await client.SendAsync(feedback, Ct)));
        foreach (var (what, response) in responses)
        {
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what} ({(int)response.StatusCode}) has Cache-Control '{response.Headers.CacheControl}'");
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_report_page_behind_a_card_is_styled_within_the_servers_CSP()
    {
        var client = Factory().CreateClient();
        var (_, cards) = await Post(client, PatientView, CdsFixture.PatientView(Scenarios.AlkG1202R()));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Links(cards)[0]).PathAndQuery);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var styles = StyleElement().Matches(html);
        var style = Assert.Single(styles).Groups[1].Value;
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var styleSrc = csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("style-src ", StringComparison.Ordinal));
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style))) + "'";
        Assert.Contains(hash, styleSrc.Split(' '));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
