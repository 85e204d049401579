using System.Net;
using System.Text;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

/// <summary>Issue #22 item 5: the case is stored with its result, read back under the audit's access control.</summary>
public sealed class StoredCaseTests : IDisposable
{
    private readonly ApiFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_case_a_result_came_from_is_stored_and_served_byte_for_byte_to_the_API_key_holder_only()
    {
        var client = factory.CreateClient();
        // Formatting and key order of the client's own body are kept: the stored case is what was sent.
        var sent = Encoding.UTF8.GetBytes("  " + Encoding.UTF8.GetString(Http.ExampleCase) + "\n");
        using var served = await Http.Post(client, "/v1/recommend?asOf=2026-06-01", Http.Json(sent));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var id = served.Headers.GetValues("X-Audit-Record").Single();

        using var withoutKey = await client.GetAsync($"/v1/audit/{id}/case", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/audit/{id}/case");
        request.Headers.Add("X-Api-Key", ApiFactory.Key);
        using var stored = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var bytes = await stored.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(sent, bytes);
        Assert.Equal(served.Headers.GetValues("X-Case-Sha256").Single(), AuditChain.Sha256(bytes));

        // The record shows it too, with the record format; replaying it gives the result that was recorded.
        using var recordRequest = new HttpRequestMessage(HttpMethod.Get, $"/v1/audit/{id}");
        recordRequest.Headers.Add("X-Api-Key", ApiFactory.Key);
        using var recordResponse = await client.SendAsync(recordRequest, TestContext.Current.CancellationToken);
        var record = await Http.Body(recordResponse);
        Assert.Equal(AuditRecord.CurrentFormat, record.GetProperty("format").GetInt32());
        Assert.Equal("example-alk-g1202r", record.GetProperty("case").GetProperty("id").GetString());
        using var replay = await Http.Post(client, $"/v1/recommend?asOf={record.GetProperty("asOf").GetString()}", Http.Json(bytes));
        Assert.True(System.Text.Json.JsonElement.DeepEquals(record.GetProperty("result"), await Http.Body(replay)));
    }

    [Fact]
    public async Task A_record_without_a_stored_case_answers_404_for_its_case()
    {
        var client = factory.CreateClient();
        await using (var store = new SqliteAuditStore(factory.DbPath))
        {
            await store.AppendAsync(new AuditEntry("2026-11-24T10:00:00.0000000Z", "c1", new string('a', 64), "2026.11.0", "2026-11-24", "{}"), TestContext.Current.CancellationToken);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/audit/1/case");
        request.Headers.Add("X-Api-Key", ApiFactory.Key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
