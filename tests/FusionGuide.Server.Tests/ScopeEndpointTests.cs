using System.Net;
using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Testing.Fhir;
using FusionGuide.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Tests;

/// <summary>Issue #21 item 1 over HTTP: a patient without NSCLC gets no FusionGuide card, and nothing is evaluated or audited.</summary>
public sealed class ScopeEndpointTests : IDisposable
{
    private readonly ApiFactory factory = new();

    public void Dispose()
    {
        factory.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_patient_without_lung_cancer_gets_no_cards_and_nothing_is_audited()
    {
        var client = factory.CreateClient();
        // Hypertension only: no cancer on record.
        var body = CdsFixture.PatientView(new BundleBuilder("well01").Patient("1980-02-02", Hl7.Fhir.Model.AdministrativeGender.Male)
            .Comorbidity("http://hl7.org/fhir/sid/icd-10-cm", "I10", "Essential hypertension"));
        using var response = await Http.Post(client, "/cds-services/" + CdsHooksService.PatientViewId, Http.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await Http.Body(response)).GetProperty("cards").GetArrayLength());
        Assert.False(response.Headers.Contains("X-Audit-Record"));
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var audit = new HttpRequestMessage(HttpMethod.Get, "/v1/audit");
        audit.Headers.Add("X-Api-Key", ApiFactory.Key);
        using var list = await client.SendAsync(audit, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Http.Body(list)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task OperationOutcome_for_observations_is_412_over_HTTP_and_nothing_is_audited()
    {
        var client = factory.CreateClient();
        var b = Scenarios.AlkG1202R();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch["observations"] = System.Text.Json.Nodes.JsonNode.Parse("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout","diagnostics":"search timed out"}]}""");
        using var response = await Http.Post(client, "/cds-services/" + CdsHooksService.PatientViewId, Http.Json(CdsFixture.PatientView(b, prefetch)));
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var errors = (await Http.Body(response)).GetProperty("errors");
        Assert.StartsWith("$.prefetch.observations: is an OperationOutcome", errors[0].GetString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Audit-Record"));
    }
}
