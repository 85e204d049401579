using FusionGuide.Engine;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// The CDS Hooks service logic, transport-independent: discovery, <c>fusionguide-patient-view</c> and
/// <c>fusionguide-order-select</c> (order-select and order-sign). Each call returns the HTTP status with the
/// cards or a problem; the server maps it to HTTP and stores feedback.
/// </summary>
public sealed class CdsHooksService(FusionEngine engine, CdsHooksOptions options, IFhirQueryClient? fhirClient = null)
{
    /// <summary>The patient-view service id.</summary>
    public const string PatientViewId = "fusionguide-patient-view";

    /// <summary>The order-select / order-sign service id.</summary>
    public const string OrderSelectId = "fusionguide-order-select";

    /// <summary>The prefetch templates both services ask for.</summary>
    public static readonly IReadOnlyDictionary<string, string> PrefetchTemplates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["patient"] = "Patient/{{context.patientId}}",
        ["conditions"] = "Condition?patient={{context.patientId}}",
        ["observations"] = "Observation?patient={{context.patientId}}",
        ["medicationStatements"] = "MedicationStatement?patient={{context.patientId}}",
        ["medicationRequests"] = "MedicationRequest?patient={{context.patientId}}",
        ["adverseEvents"] = "AdverseEvent?subject=Patient/{{context.patientId}}",
    };

    /// <summary>The discovery document.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "The server calls it on the service instance it hosts.")]
    public CdsDiscovery Discovery()
    {
        const string usage = "Genomic and tumour-marker Observations (Genomics Reporting / mCODE), cancer Conditions, and medication history.";
        return new CdsDiscovery(
        [
            new CdsServiceDescriptor { Hook = "patient-view", Id = PatientViewId, Title = "FusionGuide ALK/ROS1 NSCLC review", Description = "Interprets ALK/ROS1 biomarkers, ranks systemic therapy, flags therapies to avoid, interactions, local therapy and monitoring.", Prefetch = PrefetchTemplates, UsageRequirements = usage },
            new CdsServiceDescriptor { Hook = "order-select", Id = OrderSelectId, Title = "FusionGuide ALK/ROS1 TKI order check", Description = "Checks a drafted ALK/ROS1 TKI against resistance, the avoid list, interactions and the labelled dose, and a drafted co-medication against the TKIs in play; silent when the order is sound.", Prefetch = PrefetchTemplates, UsageRequirements = usage },
            new CdsServiceDescriptor { Hook = "order-sign", Id = OrderSelectId, Title = "FusionGuide ALK/ROS1 TKI order check", Description = "Checks a drafted ALK/ROS1 TKI against resistance, the avoid list, interactions and the labelled dose, and a drafted co-medication against the TKIs in play; silent when the order is sound.", Prefetch = PrefetchTemplates, UsageRequirements = usage },
        ]);
    }

    /// <summary>Routes a request body to the service <paramref name="serviceId"/>; 404 for an unknown id.</summary>
    public Task<CdsOutcome> InvokeAsync(string serviceId, string requestJson, CancellationToken cancellationToken = default) => serviceId switch
    {
        PatientViewId => PatientViewAsync(requestJson, cancellationToken),
        OrderSelectId => OrderSelectAsync(requestJson, cancellationToken),
        _ => System.Threading.Tasks.Task.FromResult(CdsOutcome.Fail(404, "Unknown CDS service", $"No service '{serviceId}': see the discovery document.")),
    };

    /// <summary>patient-view: 200 with cards, 400 for a malformed request, 412 when prefetch is missing and the FHIR server cannot supply it.</summary>
    public Task<CdsOutcome> PatientViewAsync(string requestJson, CancellationToken cancellationToken = default) =>
        RunAsync(requestJson, ["patient-view"], cancellationToken);

    /// <summary>order-select / order-sign: 200 with a card per problem found in a drafted TKI order (none when sound).</summary>
    public Task<CdsOutcome> OrderSelectAsync(string requestJson, CancellationToken cancellationToken = default) =>
        RunAsync(requestJson, ["order-select", "order-sign"], cancellationToken);

    /// <summary>patient-view from an already parsed request.</summary>
    public Task<CdsOutcome> PatientViewAsync(CdsRequest request, CancellationToken cancellationToken = default) =>
        EvaluateAsync(request, ["patient-view"], cancellationToken);

    /// <summary>order-select / order-sign from an already parsed request.</summary>
    public Task<CdsOutcome> OrderSelectAsync(CdsRequest request, CancellationToken cancellationToken = default) =>
        EvaluateAsync(request, ["order-select", "order-sign"], cancellationToken);

    private Task<CdsOutcome> RunAsync(string json, string[] hooks, CancellationToken ct)
    {
        var (request, errors) = CdsRequestReader.Parse(json);
        return request is null
            ? System.Threading.Tasks.Task.FromResult(CdsOutcome.Fail(400, "Malformed CDS Hooks request", "The request does not follow CDS Hooks 2.0.", errors))
            : EvaluateAsync(request, hooks, ct);
    }

    private async Task<CdsOutcome> EvaluateAsync(CdsRequest request, string[] hooks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!hooks.Contains(request.Hook))
        {
            return CdsOutcome.Fail(400, "Wrong hook", $"This service answers {string.Join(" and ", hooks)}, not '{request.Hook}'.");
        }

        var prefetch = await CompletePrefetchAsync(request, ct).ConfigureAwait(false);
        if (prefetch.Missing.Count > 0)
        {
            return CdsOutcome.Fail(412, "Prefetch required", "Required prefetch is missing and the FHIR server could not supply it.", [.. prefetch.Missing.Select(k => $"$.prefetch.{k}")]);
        }

        var asOf = options.EvaluationDate();
        var mapping = FhirCaseReader.ReadPrefetch(prefetch.Data, new FhirMappingOptions
        {
            AsOf = asOf, Region = options.Region, Unavailable = options.Unavailable, Available = options.Available, CaseId = request.Context.PatientId,
        }, engine.KnowledgeBase);
        if (!mapping.IsValid)
        {
            return CdsOutcome.Fail(400, "Unusable patient data", "The prefetched FHIR data cannot be read into a case.", [.. mapping.Problems.Select(p => $"{p.Path}: {p.Message}")]);
        }

        // An order hook evaluates the patient as if the drafted co-medications were given: their interactions with the
        // current TKI and the options are then computed by the engine like any other medication's.
        var @case = request.Hook == "patient-view" ? mapping.Case! : OrderCheck.WithDraftedCoMedications(mapping.Case!, request, engine.KnowledgeBase);
        var result = engine.Evaluate(@case, asOf, mapping.Warnings);
        var kit = new CardKit(request, options, engine.KnowledgeBase.Version);
        var cards = request.Hook == "patient-view"
            ? PatientViewCards.Build(result, @case, request, kit, engine.KnowledgeBase)
            : OrderCheck.Build(result, @case, request, kit, engine.KnowledgeBase);
        return new CdsOutcome { StatusCode = 200, Response = new CdsResponse(cards), Case = @case, Result = result, MappingWarnings = mapping.Warnings };
    }

    private async Task<(Dictionary<string, Resource?> Data, List<string> Missing)> CompletePrefetchAsync(CdsRequest request, CancellationToken ct)
    {
        var data = new Dictionary<string, Resource?>(request.Prefetch, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (key, template) in PrefetchTemplates)
        {
            if (data.ContainsKey(key))
            {
                continue;
            }

            var fetched = request.FhirServer is { } server && fhirClient is not null
                ? await fhirClient.GetAsync(server, template.Replace("{{context.patientId}}", Uri.EscapeDataString(request.Context.PatientId), StringComparison.Ordinal), request.AccessToken, ct).ConfigureAwait(false)
                : null;
            if (fetched is null)
            {
                missing.Add(key);
            }
            else
            {
                data[key] = fetched;
            }
        }

        return (data, missing);
    }
}
