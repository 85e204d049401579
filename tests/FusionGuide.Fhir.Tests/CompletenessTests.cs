using System.Text.Json.Nodes;
using FusionGuide.Fhir.CdsHooks;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// Issue #21 item 2, completeness is explicit: failed or partial essential prefetch is 412 (never "not tested"),
/// optional data may be absent (said on the cards), and fetching is bounded (https for a token, pages, time).
/// </summary>
public sealed class CompletenessTests
{
    private const string Ehr = "https://ehr.example/fhir";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonNode Node(Resource r) => JsonNode.Parse(FhirJson.Serialize(r, indented: false))!;

    private static OperationOutcome Failed() => new()
    {
        Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = OperationOutcome.IssueType.Timeout, Diagnostics = "search timed out for Jane Roe MRN-778899" }],
    };

    /// <summary>The observations as the first page of a paged search: the ALK result is on page 2.</summary>
    private static Bundle FirstPageWithoutTheAlkResult(BundleBuilder b)
    {
        var page = b.Search("Observation", "Specimen");
        page.Entry.RemoveAll(e => e.Resource is Observation);
        page.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Ehr + "/Observation?patient=alk01&_page=2" });
        return page;
    }

    private static string Request(BundleBuilder b, JsonObject prefetch, string? fhirServer = null, string? token = null)
    {
        var body = JsonNode.Parse(CdsFixture.PatientView(b, prefetch, fhirServer))!;
        if (token is not null)
        {
            body["fhirAuthorization"] = new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "fusionguide" };
        }

        return body.ToJsonString();
    }

    [Fact]
    public async Task OperationOutcome_for_observations_is_412_not_not_tested()
    {
        var b = Scenarios.AlkFirstLine();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch["observations"] = Node(Failed());
        var outcome = await CdsFixture.Service().PatientViewAsync(Request(b, prefetch), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchMissing, outcome.Kind);
        Assert.Null(outcome.Result);
        // The outcome's codes only: its diagnostics are the EHR's free text, which may name the patient.
        var error = Assert.Single(outcome.Problem!.Errors!);
        Assert.StartsWith("$.prefetch.observations: is an OperationOutcome (the client's query failed: error timeout)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN-778899", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient")]
    [InlineData("conditions")]
    public async Task OperationOutcome_for_any_essential_key_is_412(string key)
    {
        var b = Scenarios.AlkFirstLine();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch[key] = Node(Failed());
        var outcome = await CdsFixture.Service().PatientViewAsync(Request(b, prefetch), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchMissing, outcome.Kind);
        Assert.StartsWith($"$.prefetch.{key}: is an OperationOutcome", Assert.Single(outcome.Problem!.Errors!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unfollowed_next_page_of_observations_is_412_not_not_tested()
    {
        var b = Scenarios.AlkFirstLine();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch["observations"] = Node(FirstPageWithoutTheAlkResult(b));
        var outcome = await CdsFixture.Service().PatientViewAsync(Request(b, prefetch), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchMissing, outcome.Kind);
        Assert.Equal("$.prefetch.observations: is one page of a paged search (link next) that was not followed", Assert.Single(outcome.Problem!.Errors!));
    }

    [Fact]
    public async Task Missing_medications_and_adverse_events_are_not_412_and_the_cards_say_what_was_not_checked()
    {
        var b = Scenarios.AlkG1202R();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch.Remove("medicationStatements");
        prefetch["medicationRequests"] = Node(Failed());
        prefetch.Remove("adverseEvents");
        var outcome = await CdsFixture.Service().PatientViewAsync(Request(b, prefetch), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, outcome.Kind);
        Assert.NotEmpty(outcome.Response!.Cards);
        Assert.All(outcome.Response.Cards, c =>
        {
            Assert.Contains("Not available from the EHR, so not checked", c.Detail, StringComparison.Ordinal);
            Assert.Contains("current medications (MedicationStatement)", c.Detail, StringComparison.Ordinal);
            Assert.Contains("medication orders (MedicationRequest)", c.Detail, StringComparison.Ordinal);
            Assert.Contains("adverse events (AdverseEvent)", c.Detail, StringComparison.Ordinal);
        });
        // The report says so too.
        Assert.Contains(outcome.Result!.Warnings, w => w.Message.Contains("not available from the EHR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_fetching_the_next_pages_are_followed_on_the_same_server_and_the_ALK_result_is_read()
    {
        var b = Scenarios.AlkFirstLine();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch["observations"] = Node(FirstPageWithoutTheAlkResult(b));
        var all = b.Search("Observation", "Specimen");
        var page1 = new Bundle { Type = Bundle.BundleType.Searchset };
        page1.Entry.AddRange(all.Entry.Take(1));
        page1.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Ehr + "/Observation?patient=alk01&_page=2" });
        var page2 = new Bundle { Type = Bundle.BundleType.Searchset };
        page2.Entry.AddRange(all.Entry.Skip(1));
        var server = new PagedServer(new() { ["Observation?patient=alk01"] = page1, ["Observation?patient=alk01&_page=2"] = page2 });
        var outcome = await CdsFixture.Service(server).PatientViewAsync(Request(b, prefetch, Ehr, "t0ken"), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, outcome.Kind);
        Assert.Equal(["Observation?patient=alk01", "Observation?patient=alk01&_page=2"], server.Queries);
        Assert.Equal(Domain.TestResult.Positive, outcome.Case!.Tests.Single(t => t.Gene == Gene.Alk).Result);
    }

    [Fact]
    public async Task A_next_page_on_another_server_is_not_followed_and_is_412()
    {
        var b = Scenarios.AlkFirstLine();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch.Remove("observations");
        var page1 = b.Search("Observation", "Specimen");
        page1.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = "https://attacker.example/fhir/Observation?page=2" });
        var server = new PagedServer(new() { ["Observation?patient=alk01"] = page1 });
        var outcome = await CdsFixture.Service(server).PatientViewAsync(Request(b, prefetch, Ehr, "t0ken"), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchMissing, outcome.Kind);
        Assert.Contains("not on the fhirServer", Assert.Single(outcome.Problem!.Errors!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_token_is_never_sent_to_an_http_FHIR_server_unless_allowed()
    {
        var b = Scenarios.AlkFirstLine();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch.Remove("observations");
        var server = new PagedServer(new() { ["Observation?patient=alk01"] = b.Search("Observation", "Specimen") });
        var body = Request(b, prefetch, "http://ehr.example/fhir", "t0ken");
        var outcome = await CdsFixture.Service(server).PatientViewAsync(body, Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchMissing, outcome.Kind);
        Assert.Empty(server.Queries);
        Assert.Contains("not https", Assert.Single(outcome.Problem!.Errors!), StringComparison.Ordinal);

        var allowed = new CdsHooksService(Scenarios.Engine, CdsFixture.Options with { AllowHttpFhirServer = true }, server);
        Assert.Equal(CdsOutcomeKind.Answered, (await allowed.PatientViewAsync(body, Ct)).Kind);
    }

    [Fact]
    public async Task More_pages_than_the_limit_are_412()
    {
        var b = Scenarios.AlkFirstLine();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch.Remove("observations");
        var endless = new Bundle { Type = Bundle.BundleType.Searchset };
        endless.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Ehr + "/Observation?patient=alk01" });
        var server = new PagedServer(new() { ["Observation?patient=alk01"] = endless });
        var outcome = await CdsFixture.Service(server).PatientViewAsync(Request(b, prefetch, Ehr), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchMissing, outcome.Kind);
        Assert.Equal(CdsFixture.Options.MaxFetchPages, server.Queries.Count);
        Assert.Contains("more than 10 pages", Assert.Single(outcome.Problem!.Errors!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_FHIR_server_is_412_within_the_time_budget_never_a_fault()
    {
        var b = Scenarios.AlkFirstLine();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch.Remove("observations");
        var service = new CdsHooksService(Scenarios.Engine, CdsFixture.Options with { FetchBudget = TimeSpan.FromMilliseconds(200) }, new SlowServer());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await service.PatientViewAsync(Request(b, prefetch, Ehr), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchMissing, outcome.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed}");
        Assert.Contains("did not answer within", Assert.Single(outcome.Problem!.Errors!), StringComparison.Ordinal);
    }

    private sealed class PagedServer(Dictionary<string, Resource> pages) : IFhirQueryClient
    {
        public List<string> Queries { get; } = [];

        public System.Threading.Tasks.Task<Resource?> GetAsync(Uri fhirServer, string relativeQuery, string? accessToken, CancellationToken cancellationToken)
        {
            Queries.Add(relativeQuery);
            return System.Threading.Tasks.Task.FromResult(pages.GetValueOrDefault(relativeQuery));
        }
    }

    private sealed class SlowServer : IFhirQueryClient
    {
        public async System.Threading.Tasks.Task<Resource?> GetAsync(Uri fhirServer, string relativeQuery, string? accessToken, CancellationToken cancellationToken)
        {
            await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return null;
        }
    }
}
