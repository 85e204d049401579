using System.Text.Json.Nodes;
using FusionGuide.Fhir.CdsHooks;
using Hl7.Fhir.Model;

namespace FusionGuide.Testing.Fhir;

/// <summary>CDS Hooks requests around SDK-built resources (the FHIR parts are serialised by the SDK).</summary>
public static class CdsFixture
{
    public const string HookInstance = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea";

    public static CdsHooksOptions Options { get; } = new() { EvaluationDate = () => Scenarios.AsOf, Region = Domain.Region.US };

    /// <summary>The links every test call's cards carry (a report base URL, no about page).</summary>
    public static CdsLinks Links { get; } = new(new Uri("https://fusionguide.example/reports/"), null);

    public static CdsHooksService Service(IFhirQueryClient? client = null) => new(Scenarios.Engine, Options, client);

    /// <summary>Calls <c>fusionguide-patient-view</c> with <see cref="Links"/>.</summary>
    public static Task<CdsOutcome> PatientViewAsync(this CdsHooksService service, string requestJson, CancellationToken cancellationToken) =>
        service.InvokeAsync(CdsHooksService.PatientViewId, requestJson, Links, cancellationToken);

    /// <summary>Calls <c>fusionguide-order-select</c> (order-select and order-sign) with <see cref="Links"/>.</summary>
    public static Task<CdsOutcome> OrderSelectAsync(this CdsHooksService service, string requestJson, CancellationToken cancellationToken) =>
        service.InvokeAsync(CdsHooksService.OrderSelectId, requestJson, Links, cancellationToken);

    public static JsonObject Prefetch(BundleBuilder b) => new()
    {
        ["patient"] = Node(b.Resources.First(r => r is Hl7.Fhir.Model.Patient)),
        ["conditions"] = Node(b.Search("Condition")),
        ["observations"] = Node(b.Search("Observation", "Specimen")),
        ["medicationStatements"] = Node(b.Search("MedicationStatement")),
        ["medicationRequests"] = Node(b.Search("MedicationRequest")),
        ["adverseEvents"] = null,
    };

    public static string PatientView(BundleBuilder b, JsonObject? prefetch = null, string? fhirServer = null) => Request("patient-view", b.PatientId, prefetch ?? Prefetch(b), null, fhirServer);

    public static string OrderSelect(BundleBuilder b, MedicationRequest draft, string hook = "order-select")
    {
        var drafts = new Bundle { Type = Bundle.BundleType.Collection };
        // The EHR drafts the order for the patient in context (an order for another patient is refused, 412).
        if (draft.Subject?.Reference == DraftSubject)
        {
            draft.Subject = new ResourceReference($"Patient/{b.PatientId}");
        }

        drafts.Entry.Add(new Bundle.EntryComponent { Resource = draft });
        return Request(hook, b.PatientId, Prefetch(b), drafts, null);
    }

    /// <summary>The subject the draft factories give: <see cref="OrderSelect"/> replaces it with the request's patient.</summary>
    private const string DraftSubject = "Patient/alk03";

    /// <summary>A drafted order of a medication that is not a systemic therapy (no dosage: the check is about the drug).</summary>
    public static MedicationRequest CoMedicationDraft(string id, string rxnorm, string name) => new()
    {
        Id = id, Status = MedicationRequest.MedicationrequestStatus.Draft, Intent = MedicationRequest.MedicationRequestIntent.Order,
        Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, name), Subject = new ResourceReference(DraftSubject),
    };

    public static MedicationRequest Draft(string id, string rxnorm, string name, decimal mg, int perDay) => new()
    {
        Id = id, Status = MedicationRequest.MedicationrequestStatus.Draft, Intent = MedicationRequest.MedicationRequestIntent.Order,
        Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, name), Subject = new ResourceReference(DraftSubject),
        DosageInstruction =
        [
            new Dosage
            {
                DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = new Quantity(mg, "mg") { Unit = "mg" } }],
                Timing = new Timing { Repeat = new Timing.RepeatComponent { Frequency = perDay, Period = 1, PeriodUnit = Timing.UnitsOfTime.D } },
            },
        ],
    };

    private static string Request(string hook, string patientId, JsonObject prefetch, Bundle? drafts, string? fhirServer)
    {
        var context = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId };
        if (drafts is not null)
        {
            context["draftOrders"] = Node(drafts);
        }

        var body = new JsonObject { ["hook"] = hook, ["hookInstance"] = HookInstance, ["context"] = context, ["prefetch"] = prefetch };
        if (fhirServer is not null)
        {
            body["fhirServer"] = fhirServer;
        }

        return body.ToJsonString();
    }

    private static JsonNode Node(Resource r) => JsonNode.Parse(FhirJson.Serialize(r, indented: false))!;
}
