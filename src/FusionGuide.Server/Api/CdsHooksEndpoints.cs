using System.Globalization;
using System.Text;
using System.Text.Json;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Rendering;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;

namespace FusionGuide.Server.Api;

/// <summary>
/// CDS Hooks 2.0: <c>GET /cds-services</c>, <c>POST /cds-services/{id}</c>, <c>POST /cds-services/{id}/feedback</c>
/// (CORS open to any origin, bearer JWT per <see cref="CdsJwt"/>), and <c>GET /v1/reports/{token}</c>, the full
/// report each card links to: the token is random and new for every call, so a link opens only the report of the call
/// that made it, whatever hook instance a client reuses. Every evaluation is recorded in the audit store before it is answered.
/// </summary>
internal static class CdsHooksEndpoints
{
    public const string CorsPolicy = "cds-hooks";

    /// <summary>Largest hook request read: prefetch bundles are larger than a case.</summary>
    public const int MaxRequestBytes = 10_000_000;

    /// <summary>Largest feedback body read.</summary>
    public const int MaxFeedbackBytes = 1_000_000;

    private const string CdsJson = "application/json; charset=utf-8";

    public static IServiceCollection AddCdsHooks(this IServiceCollection services)
    {
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "POST", "OPTIONS").WithHeaders("Authorization", "Content-Type")));
        services.AddHttpClient(nameof(HttpFhirQueryClient), c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddCdsJwt();
        // One service for every call: the site's settings are fixed at start; the links (which depend on the URL a call
        // came in by) are given per call.
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<ServerSettings>();
            var clock = sp.GetRequiredService<TimeProvider>();
            var options = new CdsHooksOptions
            {
                EvaluationDate = () => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
                Region = settings.Cds.Region,
                ExplainOutOfScope = settings.Cds.ExplainOutOfScope,
                MaxInformationCards = settings.Cds.MaxInformationCards,
                AllowHttpFhirServer = settings.Cds.AllowHttpFhirServer,
            };
            var fhir = settings.Cds.FetchFromFhirServer ? new FactoryFhirQueryClient(sp.GetRequiredService<IHttpClientFactory>()) : null;
            return new CdsHooksService(sp.GetRequiredService<FusionEngine>(), options, fhir);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCdsHooksEndpoints(this IEndpointRouteBuilder app)
    {
        var cds = app.MapGroup("/cds-services").WithTags("CDS Hooks").RequireCors(CorsPolicy).AddEndpointFilter<CdsJwtFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        cds.MapGet("", Discovery).Produces<CdsDiscovery>(StatusCodes.Status200OK, Negotiation.Json)
            .WithSummary("CDS Hooks discovery: the services, their hooks and prefetch templates.");
        cds.MapPost("/{id}", Invoke).Accepts<CdsRequest>(Negotiation.Json).Produces<CdsResponse>(StatusCodes.Status200OK, Negotiation.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Call a CDS service: cards. Every evaluation is audited; the cards link to /v1/reports/{token}, a token new for each call.");
        cds.MapPost("/{id}/feedback", Feedback).Accepts<CdsFeedback>(Negotiation.Json).Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("CDS Hooks feedback: accepted and overridden cards are stored beside the audit trail.");
        app.MapGet("/v1/reports/{token}", Report).WithTags("CDS Hooks")
            .Produces<Domain.Result>(StatusCodes.Status200OK, Negotiation.Json, Negotiation.Markdown, Negotiation.Html)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status406NotAcceptable)
            .WithSummary("The full report behind a CDS Hooks call's cards (HTML, Markdown or JSON by Accept).");
        return app;
    }

    public static IResult Discovery(CdsHooksService service) =>
        Results.Text(CdsHooksJson.Serialize(service.Discovery()), CdsJson, Encoding.UTF8);

    public static async Task<IResult> Invoke(
        string id, HttpContext http, CdsHooksService service, IAuditStore audit, TimeProvider clock, ServerSettings settings,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (bytes, problem) = await CaseBody.ReadAsync(http.Request, MaxRequestBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var sha = AuditChain.Sha256(bytes);
        var outcome = await service.InvokeAsync(id, Encoding.UTF8.GetString(bytes!), Links(http, settings), cancellationToken);
        var log = logs.CreateLogger(typeof(CdsHooksEndpoints).FullName!);
        if (outcome.Kind != CdsOutcomeKind.Answered)
        {
            var status = StatusOf(outcome.Kind);
            RequestLog.CdsRefused(log, id, sha, status);
            return Problem(outcome.Problem!, status);
        }

        if (outcome.Result is null)
        {
            // Out of scope (no non-small cell lung cancer): nothing was evaluated, so nothing is audited or reportable.
            RequestLog.CdsOutOfScope(log, id, sha, outcome.Response!.Cards.Count);
            return Results.Text(CdsHooksJson.Serialize(outcome.Response), CdsJson, Encoding.UTF8);
        }

        // The request as the service parsed it: the body is read once.
        var (hook, hookInstance) = (outcome.Request!.Hook, outcome.Request.HookInstance);
        var result = outcome.Result!;
        var now = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        // The case read from FHIR is stored, not the hook request (which may carry the EHR's access token).
        var record = await audit.AppendAsync(new AuditEntry(now, result.CaseId, sha, result.KnowledgeBaseVersion, result.AsOf!,
            ContractJson.Serialize(result, indented: false), ContractJson.Serialize(outcome.Case!, indented: false), Callers.Of(http).Identity), cancellationToken);
        await audit.LinkHookInstanceAsync(new HookInstanceLink(hookInstance, record.Id, id, hook, now), cancellationToken);
        await audit.LinkReportAsync(outcome.ReportToken!, record.Id, now, cancellationToken);
        RequestLog.CdsAnswered(log, id, sha, record.Id, outcome.Response!.Cards.Count);
        http.Response.Headers["X-Audit-Record"] = record.Id.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Audit-Record-Hash"] = record.Hash;
        return Results.Text(CdsHooksJson.Serialize(outcome.Response), CdsJson, Encoding.UTF8);
    }

    public static async Task<IResult> Feedback(string id, HttpRequest request, IAuditStore audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!CdsHooksService.IsService(id))
        {
            return ApiProblems.NotFound($"No service '{id}': see the discovery document.");
        }

        var (bytes, problem) = await CaseBody.ReadAsync(request, MaxFeedbackBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (feedback, errors) = CdsFeedbackReader.Parse(Encoding.UTF8.GetString(bytes!));
        if (feedback is null)
        {
            return Problem(new CdsProblem { Title = "Malformed CDS Hooks feedback", Detail = "The feedback does not follow CDS Hooks 2.0.", Errors = errors }, StatusCodes.Status400BadRequest);
        }

        var now = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var entries = feedback.Feedback.Select(f => new FeedbackEntry(Guid.NewGuid().ToString("D"), now, id, f.Card, f.Outcome, f.AcceptedSuggestions,
            f.OverrideReason?.System is { Length: > 0 } system ? system : null, f.OverrideReason?.Code, f.OverrideReason?.Display, f.UserComment,
            f.OutcomeTimestamp.ToString("O", CultureInfo.InvariantCulture))).ToList();
        await audit.AppendFeedbackAsync(entries, cancellationToken);
        return Results.Ok();
    }

    public static async Task<IResult> Report(string token, HttpRequest request, IAuditStore audit, ReferenceList references, TimeProvider clock,
        ServerSettings settings, CancellationToken cancellationToken)
    {
        if (Negotiation.Choose(request) is not { } format)
        {
            return ApiProblems.NotAcceptable();
        }

        if (await audit.FindReportAsync(token, cancellationToken) is not { } id || await audit.GetAsync(id, cancellationToken) is not { } record)
        {
            // The token is not echoed: the answer says nothing about what exists.
            return ApiProblems.NotFound("There is no CDS Hooks report for this link.");
        }

        // The link's age is read from the chained record (its time cannot be changed without breaking the chain), not
        // from the link row beside it.
        if (!DateTimeOffset.TryParse(record.Entry.RecordedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var recorded)
            || clock.GetUtcNow() > recorded.AddDays(settings.Cds.ReportLinkDays))
        {
            return ApiProblems.NotFound($"This report link has expired: links open their report for {settings.Cds.ReportLinkDays} days. The recommendation stays in the audit trail; ask the administrator, or open the patient's chart again for a new one.");
        }

        request.HttpContext.Response.Headers["X-Audit-Record"] = record.Id.ToString(CultureInfo.InvariantCulture);
        request.HttpContext.Response.Headers["X-Audit-Record-Hash"] = record.Hash;
        if (format == ReportFormat.Json)
        {
            return Results.Text(record.Entry.ResultJson, Negotiation.ContentType(format), Encoding.UTF8);
        }

        var result = JsonSerializer.Deserialize(record.Entry.ResultJson, ContractJson.Compact.Result)!;
        // The report restates the case it answers ("Patient and findings", as every other report does); the case read
        // from the FHIR resources is stored with the audit record (#22). A record written before schema 3 has none.
        var input = StoredCase(record.Entry.CaseJson);
        var text = format == ReportFormat.Html ? HtmlRenderer.Render(result, references, input) : MarkdownRenderer.Render(result, references, input);
        return Results.Text(text, Negotiation.ContentType(format), Encoding.UTF8);
    }

    /// <summary>The case stored with a CDS Hooks record (the contract's compact JSON, written by this server), or null.</summary>
    private static Domain.Case? StoredCase(string? caseJson) =>
        caseJson is null ? null : CaseReader.Read(caseJson) is { IsValid: true } read ? read.Case : null;

    /// <summary>
    /// The links of this call's cards: the report link is this server's own <c>/v1/reports/</c> under its public base URL
    /// (<see cref="PublicUrls"/>; no link when there is none to trust).
    /// </summary>
    private static CdsLinks Links(HttpContext http, ServerSettings settings) =>
        PublicUrls.Base(http, settings) is { } publicBase ? new CdsLinks(new Uri(publicBase, "v1/reports/"), publicBase) : CdsLinks.None;

    /// <summary>The HTTP status of a refused call (CDS Hooks 2.0: 400 malformed, 404 unknown service, 412 prefetch missing or of another patient).</summary>
    internal static int StatusOf(CdsOutcomeKind kind) => kind switch
    {
        CdsOutcomeKind.Answered => StatusCodes.Status200OK,
        CdsOutcomeKind.InvalidRequest => StatusCodes.Status400BadRequest,
        CdsOutcomeKind.UnknownService => StatusCodes.Status404NotFound,
        CdsOutcomeKind.PrefetchMissing => StatusCodes.Status412PreconditionFailed,
        CdsOutcomeKind.PrefetchOtherPatient => StatusCodes.Status412PreconditionFailed,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no HTTP status for this outcome"),
    };

    /// <summary>An RFC 9457 problem-details body (members in the RFC's order; <c>errors</c> lists every error with where it is).</summary>
    private static IResult Problem(CdsProblem problem, int status) =>
        Results.Text(CdsHooksJson.Serialize(new CdsProblemDetails("about:blank", problem.Title, status, problem.Detail, problem.Errors)),
            "application/problem+json; charset=utf-8", Encoding.UTF8, status);

    private sealed record CdsProblemDetails(string Type, string Title, int Status, string? Detail, IReadOnlyList<string>? Errors);

    /// <summary>Reads missing prefetch through a client the factory makes for each query (handlers rotate; the service is a singleton).</summary>
    private sealed class FactoryFhirQueryClient(IHttpClientFactory clients) : IFhirQueryClient
    {
        public Task<Hl7.Fhir.Model.Resource?> GetAsync(Uri fhirServer, string relativeQuery, string? accessToken, CancellationToken cancellationToken) =>
            new HttpFhirQueryClient(clients.CreateClient(nameof(HttpFhirQueryClient))).GetAsync(fhirServer, relativeQuery, accessToken, cancellationToken);
    }
}
