using FusionGuide.Engine;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// The CDS Hooks service logic, transport-independent: discovery, <c>fusionguide-patient-view</c> and
/// <c>fusionguide-order-select</c> and <c>fusionguide-order-sign</c> (the same order check). One instance serves every call (the server holds it as
/// a singleton): what differs per call — the request and the links its cards carry — is passed in. Each call returns a
/// <see cref="CdsOutcome"/> saying how it ended; the server maps that to an HTTP status and stores the result and feedback.
/// </summary>
public sealed class CdsHooksService(FusionEngine engine, CdsHooksOptions options, IFhirQueryClient? fhirClient = null)
{
    /// <summary>The patient-view service id.</summary>
    public const string PatientViewId = "fusionguide-patient-view";

    /// <summary>The order-select service id (it also answers order-sign calls of clients set up before the order-sign service had its own id).</summary>
    public const string OrderSelectId = "fusionguide-order-select";

    /// <summary>The order-sign service id: CDS Hooks 2.0 wants each service's id unique in the discovery document.</summary>
    public const string OrderSignId = "fusionguide-order-sign";

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
            new CdsServiceDescriptor { Hook = "order-sign", Id = OrderSignId, Title = "FusionGuide ALK/ROS1 TKI order check", Description = "Checks a drafted ALK/ROS1 TKI against resistance, the avoid list, interactions and the labelled dose, and a drafted co-medication against the TKIs in play; silent when the order is sound.", Prefetch = PrefetchTemplates, UsageRequirements = usage },
        ]);
    }

    /// <summary>Whether <paramref name="serviceId"/> names one of the services (its feedback is then accepted too).</summary>
    public static bool IsService(string serviceId) => serviceId is PatientViewId or OrderSelectId or OrderSignId;

    /// <summary>
    /// Answers a call of the service <paramref name="serviceId"/> with the request body <paramref name="requestJson"/>,
    /// parsed here once (the outcome carries it); <paramref name="links"/> are the links this call's cards carry.
    /// </summary>
    public Task<CdsOutcome> InvokeAsync(string serviceId, string requestJson, CdsLinks links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        string[]? hooks = serviceId switch
        {
            PatientViewId => ["patient-view"],
            OrderSelectId => ["order-select", "order-sign"],
            OrderSignId => ["order-sign"],
            _ => null,
        };
        if (hooks is null)
        {
            return System.Threading.Tasks.Task.FromResult(CdsOutcome.Refused(CdsOutcomeKind.UnknownService, "Unknown CDS service", $"No service '{serviceId}': see the discovery document."));
        }

        var (request, errors) = CdsRequestReader.Parse(requestJson);
        return request is null
            ? System.Threading.Tasks.Task.FromResult(CdsOutcome.Refused(CdsOutcomeKind.InvalidRequest, "Malformed CDS Hooks request", "The request does not follow CDS Hooks 2.0.", errors))
            : EvaluateAsync(request, hooks, links, cancellationToken);
    }

    private async Task<CdsOutcome> EvaluateAsync(CdsRequest request, string[] hooks, CdsLinks links, CancellationToken ct)
    {
        if (!hooks.Contains(request.Hook))
        {
            return CdsOutcome.Refused(CdsOutcomeKind.InvalidRequest, "Wrong hook", $"This service answers {string.Join(" and ", hooks)}, not '{request.Hook}'.", request: request);
        }

        // Before anything is fetched or read: data of another patient is never completed, evaluated or audited under this id.
        if (OtherPatient(request.Prefetch, request) is { } given)
        {
            return given;
        }

        var prefetch = await CompletePrefetchAsync(request, ct).ConfigureAwait(false);
        if (prefetch.Errors.Count > 0)
        {
            // CDS Hooks 2.0: a service that cannot obtain the data it requires SHALL answer 412. Missing, failed or
            // partial patient, condition or observation data is never read as "not tested".
            return CdsOutcome.Refused(CdsOutcomeKind.PrefetchMissing, "Prefetch required", "Essential prefetch (patient, conditions, observations) is missing, failed or incomplete, and the FHIR server could not supply it.", prefetch.Errors, request);
        }

        if (OtherPatient(prefetch.Data, request) is { } fetched)
        {
            return fetched;
        }

        var absentNotices = prefetch.Absent.Select(a => new Domain.Validation.InputNotice(Domain.WarningCodes.FhirSkipped, "$.prefetch", $"$.prefetch: not available from the EHR: {a}"));

        var asOf = options.EvaluationDate();
        var mapping = FhirCaseReader.ReadPrefetch(prefetch.Data, new FhirMappingOptions
        {
            AsOf = asOf, Region = options.Region, Unavailable = options.Unavailable, Available = options.Available, CaseId = request.Context.PatientId,
        }, engine.KnowledgeBase);
        if (!mapping.IsValid)
        {
            return CdsOutcome.Refused(CdsOutcomeKind.InvalidRequest, "Unusable patient data", "The prefetched FHIR data cannot be read into a case.", [.. mapping.Problems.Select(p => $"{p.Path}: {p.Message}")], request);
        }

        if (mapping.OutOfScope is { } why)
        {
            // Not a patient FusionGuide is for: no evaluation, no report, no advice.
            IReadOnlyList<CdsCard> none = request.Hook == "patient-view" && options.ExplainOutOfScope ? [OutOfScopeCard(why, links)] : [];
            return new CdsOutcome { Kind = CdsOutcomeKind.Answered, Request = request, Response = new CdsResponse(none), OutOfScope = why, MappingWarnings = mapping.Warnings };
        }

        // An order hook evaluates the patient as if the drafted co-medications were given: their interactions with the
        // current TKI and the options are then computed by the engine like any other medication's.
        var @case = request.Hook == "patient-view" ? mapping.Case! : OrderCheck.WithDraftedCoMedications(mapping.Case!, request, engine.KnowledgeBase);
        var result = engine.Evaluate(@case, asOf, [.. mapping.Warnings, .. absentNotices]);
        var token = CardKit.NewToken();
        var kit = new CardKit(token, links, engine.KnowledgeBase.Version);
        var cards = request.Hook == "patient-view"
            ? PatientViewCards.Build(result, @case, request, kit, engine.KnowledgeBase, options.MaxInformationCards)
            : OrderCheck.Build(result, @case, request, kit, engine.KnowledgeBase);
        if (prefetch.Absent.Count > 0)
        {
            // Optional data the EHR did not give: every card says what was not checked.
            var note = $"\n\nNot available from the EHR, so not checked: {string.Join("; ", prefetch.Absent)}.";
            cards = [.. cards.Select(c => c with { Detail = (c.Detail ?? "") + note })];
        }

        return new CdsOutcome { Kind = CdsOutcomeKind.Answered, Request = request, Response = new CdsResponse(cards), ReportToken = token, Case = @case, Result = result, MappingWarnings = mapping.Warnings };
    }

    /// <summary>The refusal when <paramref name="data"/> is about another patient than the hook's context, else null.</summary>
    private static CdsOutcome? OtherPatient(IReadOnlyDictionary<string, Resource?> data, CdsRequest request) =>
        PrefetchPatientCheck.Mismatches(data, request.Context.DraftOrders, request.Context.PatientId) is { Count: > 0 } errors
            ? CdsOutcome.Refused(CdsOutcomeKind.PrefetchOtherPatient, "Prefetch of another patient",
                "The prefetched data or the drafted orders are not the data of the patient named by context.patientId: nothing was evaluated. Send the prefetch and orders for this patient.", errors, request)
            : null;

    private CdsCard OutOfScopeCard(string why, CdsLinks links)
    {
        var kit = new CardKit(CardKit.NewToken(), links, engine.KnowledgeBase.Version);
        return new CdsCard
        {
            Uuid = kit.Uuid("out-of-scope"), Indicator = "info", Summary = "FusionGuide does not apply: no non-small cell lung cancer on record",
            Detail = $"FusionGuide advises on ALK- and ROS1-rearranged non-small cell lung cancer only; it gives no advice for this patient. Why: {why}",
            Source = kit.Source("out-of-scope", "Out of scope"),
        };
    }

    /// <summary>The prefetch keys without which no advice is safe: the patient, the conditions and the observations.</summary>
    public static readonly IReadOnlyList<string> EssentialKeys = ["patient", "conditions", "observations"];

    /// <summary>What each optional key's absence leaves unchecked (stated on the cards).</summary>
    private static readonly Dictionary<string, string> OptionalMeaning = new(StringComparer.Ordinal)
    {
        ["medicationStatements"] = "current medications (MedicationStatement): interactions with them and treatment history from them were not checked",
        ["medicationRequests"] = "medication orders (MedicationRequest): interactions with them and treatment history from them were not checked",
        ["adverseEvents"] = "adverse events (AdverseEvent): earlier toxicities were not taken into account",
    };

    /// <summary>
    /// The prefetch made complete or refused: an essential key that is missing, an OperationOutcome (the client's query
    /// failed) or a searchset with an unfollowed <c>link[next]</c> is fetched from the FHIR server when fetching is on
    /// (pages followed within the page, size and time budget), else it is an error (412: never read as "not tested").
    /// An optional key in that state is dropped and named in <c>Absent</c>, to be stated on the cards.
    /// </summary>
    private async Task<Prefetched> CompletePrefetchAsync(CdsRequest request, CancellationToken ct)
    {
        var data = new Dictionary<string, Resource?>(request.Prefetch, StringComparer.Ordinal);
        var errors = new List<string>();
        var absent = new List<string>();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.FetchBudget);
        foreach (var (key, template) in PrefetchTemplates)
        {
            var essential = EssentialKeys.Contains(key);
            var why = data.TryGetValue(key, out var given) ? Unusable(given) : "is missing";
            if (why is null)
            {
                continue;
            }

            var (fetched, fetchProblem) = await FetchAsync(request, template, budget.Token, ct).ConfigureAwait(false);
            if (fetched is not null)
            {
                data[key] = fetched;
                continue;
            }

            var reason = fetchProblem is null ? why : $"{why}; {fetchProblem}";
            if (essential)
            {
                errors.Add($"$.prefetch.{key}: {reason}");
            }
            else
            {
                data.Remove(key);
                absent.Add($"{OptionalMeaning[key]} ({key} {reason})");
            }
        }

        return new Prefetched(data, errors, absent);
    }

    /// <summary>Why a prefetch value cannot be read as complete, or null when it can.</summary>
    private static string? Unusable(Resource? value) => value switch
    {
        OperationOutcome oo => $"is an OperationOutcome (the client's query failed: {Describe(oo)})",
        Bundle b when b.Entry.Select(e => e.Resource).OfType<OperationOutcome>().FirstOrDefault(IsError) is { } error =>
            $"holds an error OperationOutcome ({Describe(error)}): the search is incomplete",
        Bundle b when NextLink(b) is not null => "is one page of a paged search (link next) that was not followed",
        _ => null,
    };

    private static bool IsError(OperationOutcome oo) =>
        oo.Issue.Any(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal);

    /// <summary>
    /// The outcome's coded issues only (severity, code, detail codes): its diagnostics and texts are the EHR's free text,
    /// which may name the patient ("Patient Jane Roe MRN-… not found"), and error bodies are logged by gateways.
    /// </summary>
    private static string Describe(OperationOutcome oo) =>
        string.Join("; ", oo.Issue.Select(i => string.Join(" ", new[] { i.Severity?.ToString().ToLowerInvariant(), i.Code?.ToString().ToLowerInvariant() }
            .Concat(i.Details?.Coding.Select(c => c.Code) ?? []).Where(x => !string.IsNullOrEmpty(x)).DefaultIfEmpty("no coded detail"))));

    private static Uri? NextLink(Bundle b) =>
        b.Link.FirstOrDefault(l => l.Relation == "next")?.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var u) ? u : null;

    /// <summary>
    /// Reads one prefetch query from the FHIR server, following <c>link[next]</c> pages: the resource, or null with why
    /// (fetching off, no server, a bearer token for a non-https server, a page off the server, too many pages, the
    /// time budget spent, or the server's failure). Never throws for the server's faults.
    /// </summary>
    private async Task<(Resource? Resource, string? Problem)> FetchAsync(CdsRequest request, string template, CancellationToken budget, CancellationToken caller)
    {
        if (fhirClient is null || request.FhirServer is not { } server)
        {
            return (null, null);
        }

        if (request.AccessToken is not null && server.Scheme != Uri.UriSchemeHttps && !options.AllowHttpFhirServer)
        {
            return (null, "not fetched: the fhirServer is not https, and the bearer token is sent only over https");
        }

        var baseUri = server.AbsoluteUri.EndsWith('/') ? server.AbsoluteUri : server.AbsoluteUri + "/";
        var query = template.Replace("{{context.patientId}}", Uri.EscapeDataString(request.Context.PatientId), StringComparison.Ordinal);
        try
        {
            Bundle? all = null;
            for (var page = 0; ; page++)
            {
                if (page >= options.MaxFetchPages)
                {
                    return (null, $"the FHIR server's search has more than {options.MaxFetchPages} pages");
                }

                var got = await fhirClient.GetAsync(server, query, request.AccessToken, budget).ConfigureAwait(false);
                if (got is null or OperationOutcome)
                {
                    return (null, "the FHIR server could not supply it");
                }

                if (got is not Bundle bundle)
                {
                    return (got, null);
                }

                all ??= new Bundle { Type = Bundle.BundleType.Searchset };
                all.Entry.AddRange(bundle.Entry);
                if (Unusable(bundle) is { } bad && NextLink(bundle) is null)
                {
                    return (null, $"the FHIR server's answer {bad}");
                }

                if (NextLink(bundle) is not { } next)
                {
                    return (all, null);
                }

                // The next page must be on the same FHIR server: the bearer token goes nowhere else.
                var absolute = next.IsAbsoluteUri ? next : new Uri(new Uri(baseUri), next);
                if (!absolute.AbsoluteUri.StartsWith(baseUri, StringComparison.Ordinal))
                {
                    return (null, "the FHIR server's next page is not on the fhirServer: not followed");
                }

                query = absolute.AbsoluteUri[baseUri.Length..];
            }
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return (null, $"the FHIR server did not answer within {options.FetchBudget.TotalSeconds:0.#} s");
        }
    }

    private sealed record Prefetched(Dictionary<string, Resource?> Data, List<string> Errors, List<string> Absent);
}
