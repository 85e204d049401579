using System.Net;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

public sealed class KnowledgeEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly Knowledge.KnowledgeBase Kb = KnowledgeLoader.Embedded;

    [Fact]
    public async Task Knowledge_gives_version_release_date_and_the_reference_list()
    {
        var body = await Get("/v1/knowledge", HttpStatusCode.OK);
        Assert.Equal(Kb.Version, body.GetProperty("version").GetString());
        Assert.Equal(Kb.ReleaseDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("releaseDate").GetString());
        Assert.Equal(Kb.References.Count, body.GetProperty("references").GetArrayLength());
        Assert.Contains(body.GetProperty("drugs").EnumerateArray(), d => d.GetString() == "lorlatinib");
    }

    [Fact]
    public async Task Knowledge_lists_a_reference_date_as_written_never_with_an_invented_day()
    {
        var body = await Get("/v1/knowledge", HttpStatusCode.OK);
        string? Date(string id) => body.GetProperty("references").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id).GetProperty("date").GetString();

        Assert.Equal("2024", Date("seed-5"));
        Assert.Equal("2026-01", Date("label-us-lorlatinib"));
        Assert.Equal(Kb.Reference("seed-17")!.Date, Date("seed-17"));
    }

    [Fact]
    public async Task A_drug_is_its_knowledge_record()
    {
        var body = await Get("/v1/knowledge/drugs/lorlatinib", HttpStatusCode.OK);
        Assert.Equal("lorlatinib", body.GetProperty("id").GetString());
        Assert.True(body.GetProperty("dosing").GetArrayLength() > 0);
        Assert.True(body.GetProperty("sources").GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_unknown_drug_is_a_404_problem()
    {
        var body = await Get("/v1/knowledge/drugs/aspirin", HttpStatusCode.NotFound);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/v1/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_answers_with_the_knowledge_base_version()
    {
        var body = await Get("/healthz", HttpStatusCode.OK);
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        var paths = (await Get("/openapi/v1.json", HttpStatusCode.OK)).GetProperty("paths");
        foreach (var path in new[] { "/v1/recommend", "/v1/validate", "/v1/knowledge", "/v1/knowledge/drugs/{id}", "/healthz", "/v1/audit", "/v1/audit/{id}", "/v1/audit/cds-feedback" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_API_key_on_the_audit_routes_and_the_JWT_on_CDS_Hooks()
    {
        var doc = await Get("/openapi/v1.json", HttpStatusCode.OK);
        var schemes = doc.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (schemes.GetProperty("ApiKey").GetProperty("type").GetString(),
            schemes.GetProperty("ApiKey").GetProperty("in").GetString(), schemes.GetProperty("ApiKey").GetProperty("name").GetString()));
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("CdsHooksJwt").GetProperty("type").GetString(), schemes.GetProperty("CdsHooksJwt").GetProperty("scheme").GetString()));
        string[] Required(string path, string method) =>
            [.. doc.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out var s)
                ? s.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)) : []];
        Assert.Equal(["ApiKey"], Required("/v1/audit", "get"));
        Assert.Equal(["CdsHooksJwt"], Required("/cds-services/{id}", "post"));
        Assert.Empty(Required("/v1/recommend", "post"));
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/report.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task The_web_page_is_served_from_the_assembly(string path, string mediaType)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("://", text.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.JsonElement> Get(string path, HttpStatusCode expected)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await Http.Body(response);
    }
}
