using System.Text.Json.Nodes;
using FusionGuide.Fhir.CdsHooks;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace FusionGuide.Fhir.Tests;

/// <summary>The CDS Hooks service: discovery, patient-view, order-select/sign, errors and the wire form.</summary>
public sealed class CdsHooksTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Discovery_lists_patient_view_order_select_and_order_sign_each_under_its_own_id_with_prefetch()
    {
        var d = CdsFixture.Service().Discovery();
        Assert.Equal([("patient-view", "fusionguide-patient-view"), ("order-select", "fusionguide-order-select"), ("order-sign", "fusionguide-order-sign")],
            d.Services.Select(s => (s.Hook, s.Id)));
        Assert.All(d.Services, s => Assert.Equal("Patient/{{context.patientId}}", s.Prefetch!["patient"]));
    }

    [Fact]
    public async Task Patient_view_for_ALK_G1202R_recommends_lorlatinib_with_a_MedicationRequest_suggestion()
    {
        var outcome = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(Scenarios.AlkG1202R()), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, outcome.Kind);
        var card = outcome.Response!.Cards.Single(c => c.Source.Topic!.Code == "systemic-therapy");
        Assert.StartsWith("Lorlatinib", card.Summary, StringComparison.Ordinal);
        var action = Assert.Single(Assert.Single(card.Suggestions!).Actions!);
        var order = Assert.IsType<MedicationRequest>(action.Resource);
        Assert.Equal(("create", "2103164", "100 mg once daily", "Patient/alk03"), (action.Type, ((CodeableConcept)order.Medication).Coding[0].Code, order.DosageInstruction[0].Text, order.Subject.Reference));
        Assert.Equal(MedicationRequest.MedicationRequestIntent.Proposal, order.Intent);
        Assert.Equal("at-most-one", card.SelectionBehavior);
    }

    [Fact]
    public async Task Every_card_has_source_version_a_per_call_report_link_a_short_summary_and_a_uuid_unique_to_the_call()
    {
        var service = CdsFixture.Service();
        var body = CdsFixture.PatientView(Scenarios.LorlatinibRifampin());
        var firstCall = await service.PatientViewAsync(body, Ct);
        var secondCall = await service.PatientViewAsync(body, Ct);
        var (first, second) = (firstCall.Response!.Cards, secondCall.Response!.Cards);
        // The same request twice (same hook instance) gives two calls: new uuids, a new unguessable report token.
        Assert.Empty(first.Select(c => c.Uuid).Intersect(second.Select(c => c.Uuid)));
        Assert.Equal(first.Count, first.Select(c => c.Uuid).Distinct().Count());
        Assert.NotEqual(firstCall.ReportToken, secondCall.ReportToken);
        Assert.Equal(43, firstCall.ReportToken!.Length);
        Assert.All(first, c =>
        {
            Assert.True(c.Summary.Length < 140, c.Summary);
            Assert.Equal($"FusionGuide (knowledge base {Scenarios.Engine.KnowledgeBase.Version})", c.Source.Label);
            var link = Assert.Single(c.Links!).Url;
            Assert.Equal($"https://fusionguide.example/reports/{firstCall.ReportToken}", link);
            Assert.DoesNotContain(CdsFixture.HookInstance, link, StringComparison.Ordinal);
            Assert.True(Guid.TryParse(c.Uuid, out _));
        });
        Assert.Equal("critical", first.Single(c => c.Source.Topic!.Code == "interactions").Indicator);
    }

    [Fact]
    public async Task Wire_form_omits_optional_members_and_writes_the_resource_with_the_SDK()
    {
        var outcome = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(Scenarios.AlkG1202R()), Ct);
        var json = CdsHooksJson.Serialize(outcome.Response!);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        var node = JsonNode.Parse(json)!;
        var resource = node["cards"]!.AsArray().Select(c => c!["suggestions"]?[0]?["actions"]?[0]?["resource"]).Single(r => r is not null)!;
        Assert.Equal("MedicationRequest", (string?)resource["resourceType"]);
        Assert.IsType<MedicationRequest>(FhirJson.Parse(resource.ToJsonString()).Resource);
    }

    [Fact]
    public async Task Order_select_of_alectinib_after_G1202R_gets_a_critical_card_suggesting_lorlatinib()
    {
        var draft = CdsFixture.Draft("draft-1", "1727455", "alectinib", 600, 2);
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(Scenarios.AlkG1202R(), draft), Ct);
        var card = Assert.Single(outcome.Response!.Cards);
        Assert.Equal("critical", card.Indicator);
        var suggestion = Assert.Single(card.Suggestions!);
        Assert.Equal(["delete", "create"], suggestion.Actions!.Select(a => a.Type));
        Assert.Equal("MedicationRequest/draft-1", suggestion.Actions![0].ResourceId);
        Assert.Equal("Lorlatinib", ((CodeableConcept)((MedicationRequest)suggestion.Actions[1].Resource!).Medication).Text);
    }

    [Theory]
    [InlineData("order-select")]
    [InlineData("order-sign")]
    public async Task Order_of_lorlatinib_at_the_labelled_dose_gets_no_card(string hook)
    {
        var draft = CdsFixture.Draft("draft-2", "2103164", "lorlatinib", 100, 1);
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(Scenarios.AlkG1202R(), draft, hook), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, outcome.Kind);
        Assert.Empty(outcome.Response!.Cards);
        Assert.Equal("{\"cards\":[]}", CdsHooksJson.Serialize(outcome.Response));
    }

    [Fact]
    public async Task Order_of_lorlatinib_at_an_unlabelled_dose_gets_a_dose_card()
    {
        var draft = CdsFixture.Draft("draft-3", "2103164", "lorlatinib", 200, 1);
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(Scenarios.AlkG1202R(), draft), Ct);
        Assert.Contains("200 mg once daily", Assert.Single(outcome.Response!.Cards).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_of_lorlatinib_with_rifampin_gets_a_critical_interaction_card()
    {
        var draft = CdsFixture.Draft("draft-4", "2103164", "lorlatinib", 100, 1);
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(Scenarios.LorlatinibRifampin(), draft), Ct);
        Assert.Equal("critical", Assert.Single(outcome.Response!.Cards).Indicator);
    }

    [Fact]
    public async Task Order_of_rifampin_for_a_patient_on_lorlatinib_gets_a_critical_card_naming_the_current_therapy()
    {
        var patient = Scenarios.AlkG1202R().Therapy("2103164", "lorlatinib", "2024-07", null, null);
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(patient, CdsFixture.CoMedicationDraft("draft-5", "9384", "rifampin")), Ct);
        var card = Assert.Single(outcome.Response!.Cards);
        Assert.Equal("critical", card.Indicator);
        Assert.StartsWith("rifampin + Lorlatinib: contraindicated", card.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Lorlatinib is the patient's current therapy.", card.Detail, StringComparison.Ordinal);
        // The drafted order is evaluated as if given: the audited case carries it.
        Assert.Contains("rifampin", outcome.Case!.Medications);
    }

    [Fact]
    public async Task Order_of_rifampin_when_lorlatinib_is_the_first_choice_says_so()
    {
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(Scenarios.AlkG1202R(), CdsFixture.CoMedicationDraft("draft-6", "9384", "rifampin")), Ct);
        var card = Assert.Single(outcome.Response!.Cards, c => c.Summary.Contains("Lorlatinib", StringComparison.Ordinal));
        Assert.Equal("critical", card.Indicator);
        Assert.StartsWith("Lorlatinib is FusionGuide's first choice for this patient.", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_of_rifampin_as_a_contained_Medication_gets_the_same_critical_card()
    {
        var draft = CdsFixture.CoMedicationDraft("draft-8", "9384", "rifampin");
        draft.Medication = new ResourceReference("#rx");
        draft.Contained.Add(new Medication { Id = "rx", Code = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "9384", "rifampin") });
        var patient = Scenarios.AlkG1202R().Therapy("2103164", "lorlatinib", "2024-07", null, null);
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(patient, draft), Ct);
        Assert.Equal("critical", Assert.Single(outcome.Response!.Cards).Indicator);
    }

    [Fact]
    public async Task An_order_whose_subject_is_not_a_patient_id_is_refused_not_checked_against_this_patients_plan()
    {
        // Probe S22E: an order addressed by another patient's MRN, a group or a display name was checked here (a critical card).
        var draft = CdsFixture.Draft("draft-10", "2103164", "lorlatinib", 100, 1);
        draft.Subject = new ResourceReference { Identifier = new Identifier("urn:oid:1.2.3", "MRN-99") };
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(Scenarios.AlkG1202R(), draft), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchOtherPatient, outcome.Kind);
        Assert.DoesNotContain(outcome.Problem!.Errors!, e => e.Contains("MRN-99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_order_drafted_for_another_patient_is_refused_not_checked_against_this_patients_plan()
    {
        var draft = CdsFixture.Draft("draft-9", "2103164", "lorlatinib", 100, 1);
        draft.Subject = new ResourceReference("Patient/someone-else");
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(Scenarios.AlkG1202R(), draft), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchOtherPatient, outcome.Kind);
        Assert.Null(outcome.Result);
        Assert.Contains(outcome.Problem!.Errors!, e => e.StartsWith("$.context.draftOrders.entry[0].resource.subject", StringComparison.Ordinal) && !e.Contains("someone-else", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Order_of_a_medication_FusionGuide_does_not_know_gets_an_information_card_not_silence()
    {
        var outcome = await CdsFixture.Service().OrderSelectAsync(CdsFixture.OrderSelect(Scenarios.AlkG1202R(), CdsFixture.CoMedicationDraft("draft-7", "0", "zzfictomycin")), Ct);
        var card = Assert.Single(outcome.Response!.Cards);
        Assert.Equal("info", card.Indicator);
        Assert.Contains("zzfictomycin", card.Summary, StringComparison.Ordinal);
        Assert.Contains("Lorlatinib", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_prefetch_without_a_FHIR_server_is_412()
    {
        var prefetch = CdsFixture.Prefetch(Scenarios.AlkG1202R());
        prefetch.Remove("observations");
        var outcome = await CdsFixture.Service().PatientViewAsync(CdsFixture.PatientView(Scenarios.AlkG1202R(), prefetch), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchMissing, outcome.Kind);
        Assert.Equal(["$.prefetch.observations: is missing"], outcome.Problem!.Errors);
    }

    [Fact]
    public async Task Missing_prefetch_is_read_from_the_FHIR_server()
    {
        var b = Scenarios.AlkG1202R();
        var prefetch = CdsFixture.Prefetch(b);
        prefetch.Remove("observations");
        var fake = new FakeFhirServer(b.Search("Observation", "Specimen"));
        var outcome = await CdsFixture.Service(fake).PatientViewAsync(CdsFixture.PatientView(b, prefetch, "https://ehr.example/fhir"), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, outcome.Kind);
        Assert.Equal(["Observation?patient=alk03"], fake.Queries);
        Assert.Equal(Therapy.Lorlatinib, outcome.Result!.SystemicTherapy.Options[0].Therapy);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"hook\":\"patient-view\"}")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",\"context\":{}}")]
    [InlineData("{\"hook\":\"order-select\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",\"context\":{\"patientId\":\"p\"}}")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\",\"context\":{\"patientId\":\"p\"},\"prefetch\":{\"patient\":{\"resourceType\":\"Nope\"}}}")]
    public async Task Malformed_requests_are_400_with_problem_details(string body)
    {
        var outcome = await CdsFixture.Service().PatientViewAsync(body, Ct);
        Assert.Equal(CdsOutcomeKind.InvalidRequest, outcome.Kind);
        Assert.DoesNotContain(":null", CdsHooksJson.Serialize(outcome.Problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("alk03-visit-1")]
    [InlineData("d1577c69dfbe44adba6d3e05e953b2ea")]
    [InlineData("{d1577c69-dfbe-44ad-ba6d-3e05e953b2ea}")]
    public async Task A_hook_instance_that_is_not_a_UUID_is_400(string hookInstance)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(CdsFixture.PatientView(Scenarios.AlkG1202R()))!;
        body["hookInstance"] = hookInstance;
        var outcome = await CdsFixture.Service().PatientViewAsync(body.ToJsonString(), Ct);
        Assert.Equal(CdsOutcomeKind.InvalidRequest, outcome.Kind);
        Assert.Contains("$.hookInstance: must be a UUID (8-4-4-4-12 hexadecimal digits)", outcome.Problem!.Errors!);
    }

    [Fact]
    public async Task Without_a_report_base_url_the_cards_carry_no_link()
    {
        var outcome = await CdsFixture.Service().InvokeAsync(CdsHooksService.PatientViewId, CdsFixture.PatientView(Scenarios.AlkG1202R()), CdsLinks.None, Ct);
        Assert.NotEmpty(outcome.Response!.Cards);
        Assert.All(outcome.Response.Cards, c => Assert.Null(c.Links));
    }

    [Fact]
    public async Task Unknown_service_is_404()
    {
        Assert.Equal(CdsOutcomeKind.UnknownService, (await CdsFixture.Service().InvokeAsync("nope", "{}", CdsFixture.Links, Ct)).Kind);
    }

    [Fact]
    public void Feedback_is_parsed_and_checked()
    {
        var ok = CdsFeedbackReader.Parse("""{"feedback":[{"card":"c1","outcome":"accepted","acceptedSuggestions":[{"id":"s1"}],"outcomeTimestamp":"2026-11-24T10:00:00Z"},{"card":"c2","outcome":"overridden","overrideReason":{"reason":{"system":"urn:x","code":"patient-preference","display":"Patient preference"},"userComment":"declined"},"outcomeTimestamp":"2026-11-24T10:01:00Z"}]}""");
        Assert.Equal(["s1"], ok.Feedback!.Feedback[0].AcceptedSuggestions);
        Assert.Equal(("patient-preference", "declined"), (ok.Feedback.Feedback[1].OverrideReason!.Code, ok.Feedback.Feedback[1].UserComment));

        var bad = CdsFeedbackReader.Parse("""{"feedback":[{"card":"c1","outcome":"accepted","outcomeTimestamp":"soon"}]}""");
        Assert.Null(bad.Feedback);
        Assert.Equal(["$.feedback[0].outcomeTimestamp: is required and must be an ISO date-time", "$.feedback[0].acceptedSuggestions: is required when the outcome is accepted"], bad.Errors);
    }

    private sealed class FakeFhirServer(Resource answer) : IFhirQueryClient
    {
        public List<string> Queries { get; } = [];

        public System.Threading.Tasks.Task<Resource?> GetAsync(Uri fhirServer, string relativeQuery, string? accessToken, CancellationToken cancellationToken)
        {
            Queries.Add(relativeQuery);
            return System.Threading.Tasks.Task.FromResult<Resource?>(answer);
        }
    }
}
