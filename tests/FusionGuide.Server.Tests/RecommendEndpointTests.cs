using System.Net;
using System.Text;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Rendering;
using FusionGuide.Server.Hosting;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

public sealed class RecommendEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly FusionEngine Engine = new(KnowledgeLoader.Embedded);

    [Fact]
    public async Task Recommend_returns_the_engines_result_as_json()
    {
        using var response = await Http.Post(factory.CreateClient(), "/v1/recommend", Http.Json(Http.ExampleCase));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var read = CaseReader.Read(Http.ExampleCase);
        Assert.Equal(ContractJson.Serialize(Engine.Evaluate(read.Case!, null, read.Notices), indented: false), body);
        var first = (await Http.Body(response)).GetProperty("systemicTherapy").GetProperty("options")[0].GetProperty("therapy").GetString();
        Assert.Equal("lorlatinib", first);
        Assert.Equal(AuditSha(Http.ExampleCase), response.Headers.GetValues("X-Case-Sha256").Single());
    }

    [Theory]
    [InlineData("text/markdown")]
    [InlineData("text/html")]
    [InlineData("application/json;q=0.5, text/markdown")]
    public async Task Recommend_renders_the_report_the_Accept_header_asks_for(string accept)
    {
        using var response = await Http.Post(factory.CreateClient(), "/v1/recommend?asOf=2026-06-01", Http.Json(Http.ExampleCase), accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = CaseReader.Read(Http.ExampleCase);
        var result = Engine.Evaluate(read.Case!, new DateOnly(2026, 6, 1), read.Notices);
        var refs = ServerApp.References(Engine.KnowledgeBase);
        var markdown = accept.EndsWith("markdown", StringComparison.Ordinal);
        Assert.Equal(markdown ? "text/markdown" : "text/html", response.Content.Headers.ContentType?.MediaType);
        var expected = markdown ? MarkdownRenderer.Render(result, refs, read.Case) : HtmlRenderer.Render(result, refs, read.Case);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Invalid_case_is_a_400_problem_with_exactly_the_CLIs_problem_list()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"tests":[{"gene":"ALK","method":"fish","sample":"tissue","percentRearrangedCells":150}],"patient":{"age":-1}}""");
        using var response = await Http.Post(factory.CreateClient(), "/v1/recommend", Http.Json(bytes));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await Http.Body(response);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        var expected = ContractJson.Serialize(CaseReader.Read(bytes).Problems, indented: false);
        Assert.Equal(expected, body.GetProperty("problems").GetRawText());
        Assert.Contains("$.tests[0].percentRearrangedCells", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413()
    {
        var big = Encoding.UTF8.GetBytes("{\"id\":\"" + new string('x', CaseReader.MaxDocumentBytes) + "\"}");
        using var response = await Http.Post(factory.CreateClient(), "/v1/recommend", Http.Json(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await Http.Body(response)).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_body_that_is_not_json_is_415(string contentType)
    {
        using var response = await Http.Post(factory.CreateClient(), "/v1/recommend", Http.Json(Http.ExampleCase, contentType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_asOf_is_invalid_input_named_asOf()
    {
        using var response = await Http.Post(factory.CreateClient(), "/v1/recommend?asOf=24/11/2026", Http.Json(Http.ExampleCase));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("asOf", (await Http.Body(response)).GetProperty("problems")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task An_unsupported_Accept_is_406()
    {
        using var response = await Http.Post(factory.CreateClient(), "/v1/recommend", Http.Json(Http.ExampleCase), "image/png");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Validate_accepts_a_valid_case_with_its_notices()
    {
        using var response = await Http.Post(factory.CreateClient(), "/v1/validate", Http.Json("""{"id":"v1","mystery":1}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Http.Body(response);
        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal("$.mystery", body.GetProperty("notices")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Validate_rejects_an_invalid_case_with_the_problem_list()
    {
        using var response = await Http.Post(factory.CreateClient(), "/v1/validate", Http.Json("""{"patient":{"ecog":7}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("$.patient.ecog", (await Http.Body(response)).GetProperty("problems")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Request_logs_carry_the_case_hash_never_its_content()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"log-probe-patient-7731","tests":[{"gene":"ALK","method":"ihc","clone":"D5F3","sample":"tissue","result":"positive"}]}""");
        using var response = await Http.Post(factory.CreateClient(), "/v1/recommend", Http.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = factory.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains(AuditSha(body), StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("log-probe-patient-7731", StringComparison.Ordinal) || l.Contains("D5F3", StringComparison.Ordinal));
    }

    private static string AuditSha(byte[] bytes) => Audit.AuditChain.Sha256(bytes);
}
