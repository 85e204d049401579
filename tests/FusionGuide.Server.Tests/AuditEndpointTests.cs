using System.Net;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

public sealed class AuditEndpointTests : IDisposable
{
    private readonly ApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Every_recommendation_served_is_recorded_with_hash_version_asOf_time_and_result()
    {
        var client = factory.CreateClient();
        using var served = await Http.Post(client, "/v1/recommend?asOf=2026-06-01", Http.Json(Http.ExampleCase), "text/markdown");
        var id = served.Headers.GetValues("X-Audit-Record").Single();

        var record = await Get(client, $"/v1/audit/{id}", ApiFactory.Key, HttpStatusCode.OK);
        Assert.Equal("example-alk-g1202r", record.GetProperty("caseId").GetString());
        Assert.Equal(AuditChain.Sha256(Http.ExampleCase), record.GetProperty("caseSha256").GetString());
        Assert.Equal("2026-06-01", record.GetProperty("asOf").GetString());
        Assert.Equal(ApiFactory.Now.UtcDateTime, DateTime.Parse(record.GetProperty("recordedAt").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind));
        Assert.Equal("lorlatinib", record.GetProperty("result").GetProperty("systemicTherapy").GetProperty("options")[0].GetProperty("therapy").GetString());
        Assert.Equal(record.GetProperty("knowledgeBaseVersion").GetString(), record.GetProperty("result").GetProperty("knowledgeBaseVersion").GetString());
    }

    [Fact]
    public async Task Each_response_carries_its_record_hash_as_a_receipt()
    {
        var client = factory.CreateClient();
        using var served = await Http.Post(client, "/v1/recommend", Http.Json(Http.ExampleCase));
        var id = long.Parse(served.Headers.GetValues("X-Audit-Record").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var receipt = served.Headers.GetValues("X-Audit-Record-Hash").Single();
        await using var store = new SqliteAuditStore(factory.DbPath, AuditStoreAccess.ReadOnly);
        Assert.Equal((await store.GetAsync(id, TestContext.Current.CancellationToken))!.Hash, receipt);
    }

    [Fact]
    public async Task The_list_is_paged_newest_first()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var r = await Http.Post(client, "/v1/recommend", Http.Json(Http.ExampleCase));
        }

        var page = await Get(client, "/v1/audit?offset=1&limit=1", ApiFactory.Key, HttpStatusCode.OK);
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("records")[0].GetProperty("id").GetInt64());
        await Get(client, "/v1/audit?limit=0", ApiFactory.Key, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_invalid_case_is_not_recorded()
    {
        var client = factory.CreateClient();
        using var r = await Http.Post(client, "/v1/recommend", Http.Json("""{"patient":{"age":500}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(0, (await Get(client, "/v1/audit", ApiFactory.Key, HttpStatusCode.OK)).GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    [InlineData("")]
    public async Task Without_the_right_key_the_audit_answers_401(string? key)
    {
        var client = factory.CreateClient();
        var body = await Get(client, "/v1/audit", key, HttpStatusCode.Unauthorized);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        await Get(client, "/v1/audit/1", key, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task With_no_key_configured_the_audit_is_closed_to_everyone()
    {
        using var closed = new ApiFactory { ApiKey = null };
        var client = closed.CreateClient();
        await Get(client, "/v1/audit", ApiFactory.Key, HttpStatusCode.Unauthorized);
        await Get(client, "/v1/audit", "", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_record_is_a_404_problem()
    {
        var body = await Get(factory.CreateClient(), "/v1/audit/999", ApiFactory.Key, HttpStatusCode.NotFound);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    private static async Task<System.Text.Json.JsonElement> Get(HttpClient client, string path, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await Http.Body(response);
    }
}
