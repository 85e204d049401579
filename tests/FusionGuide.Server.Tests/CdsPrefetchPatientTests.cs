using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Tests.Support;
using FusionGuide.Testing.Fhir;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Tests;

/// <summary>
/// A CDS Hooks call is answered only with the data of the patient it is called for (context.patientId): a stale or
/// mis-keyed prefetch is refused (412) before anything is read, evaluated or audited, and no problem names an id, a
/// birth date or an age (EHR gateways log error bodies).
/// </summary>
public sealed class CdsPrefetchPatientTests : IDisposable
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

    private ApiFactory Factory()
    {
        var f = new ApiFactory();
        factories.Add(f);
        return f;
    }

    private static async Task<(HttpResponseMessage Response, string Text)> Post(HttpClient client, string body)
    {
        var response = await client.PostAsync(PatientView, Http.Json(body), Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    private static List<string> Errors(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return [.. doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
    }

    private static async Task<long> Records(ApiFactory factory)
    {
        await using var store = new SqliteAuditStore(factory.DbPath);
        return (await store.ListAsync(0, 10, Ct)).Total;
    }

    /// <summary>alk03's request with its JSON edited by <paramref name="edit"/>.</summary>
    private static string Request(Action<JsonObject> edit)
    {
        var body = JsonNode.Parse(CdsFixture.PatientView(Scenarios.AlkG1202R()))!.AsObject();
        edit(body);
        return body.ToJsonString();
    }

    [Fact]
    public async Task A_prefetch_of_another_patient_than_the_context_is_412_and_nothing_is_evaluated_or_audited()
    {
        var factory = Factory();
        var client = factory.CreateClient();
        var body = Request(b => b["context"]!["patientId"] = "MRN-55512345");
        var (response, text) = await Post(client, body);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Headers.Contains("X-Audit-Record"));
        var errors = Errors(text);
        Assert.Contains("$.prefetch.patient.id: the Patient is not the patient named by context.patientId", errors);
        Assert.Contains(errors, e => e.StartsWith("$.prefetch.observations.entry[", StringComparison.Ordinal)
            && e.EndsWith(".subject: this Observation is about another patient than context.patientId", StringComparison.Ordinal));
        // Neither patient's id is echoed.
        Assert.DoesNotContain("MRN-55512345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alk03", text, StringComparison.Ordinal);
        Assert.Equal(0, await Records(factory));

        // The same prefetch under its own patient's id is answered and audited as that patient.
        var (own, _) = await Post(client, CdsFixture.PatientView(Scenarios.AlkG1202R()));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(1, await Records(factory));
    }

    [Fact]
    public async Task Subjects_are_compared_with_the_context_even_when_the_Patient_resource_cannot_be_read()
    {
        var factory = Factory();
        // gender "F" makes the reader drop the Patient; an Observation about another patient must still be refused.
        var body = Request(b =>
        {
            b["prefetch"]!["patient"]!["gender"] = "F";
            var entries = b["prefetch"]!["observations"]!["entry"]!.AsArray();
            entries[0]!["resource"]!["subject"] = new JsonObject { ["reference"] = "Patient/MRN-55512345" };
        });
        var (response, text) = await Post(factory.CreateClient(), body);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(["$.prefetch.observations.entry[0].resource.subject: this Observation is about another patient than context.patientId"], Errors(text));
        Assert.DoesNotContain("MRN-55512345", text, StringComparison.Ordinal);
        Assert.Equal(0, await Records(factory));
    }

    [Fact]
    public async Task A_subject_named_by_absolute_url_or_history_is_the_same_patient()
    {
        var body = Request(b =>
        {
            var entries = b["prefetch"]!["observations"]!["entry"]!.AsArray();
            entries[0]!["resource"]!["subject"] = new JsonObject { ["reference"] = "https://ehr.example/fhir/Patient/alk03/_history/2" };
        });
        var (response, _) = await Post(Factory().CreateClient(), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("2031-05-17", "the birth date is after the evaluation date")]
    [InlineData("1868-03-14", "the birth date gives an age above 120")]
    public async Task A_birth_date_problem_names_the_path_without_the_date_or_the_age(string birthDate, string message)
    {
        var body = Request(b => b["prefetch"]!["patient"]!["birthDate"] = birthDate);
        var (response, text) = await Post(Factory().CreateClient(), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"prefetch.patient.birthDate: {message}"], Errors(text));
        Assert.DoesNotContain(birthDate, text, StringComparison.Ordinal);
        Assert.DoesNotContain(birthDate[..4], text, StringComparison.Ordinal);
        Assert.DoesNotContain("158", text, StringComparison.Ordinal);
    }
}
