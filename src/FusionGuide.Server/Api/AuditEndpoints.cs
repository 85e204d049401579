using System.Text.Json;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FusionGuide.Server.Api;

/// <summary><c>GET /v1/audit</c>, <c>GET /v1/audit/{id}</c> and <c>GET /v1/audit/cds-feedback</c>: read the audit trail and the CDS Hooks feedback, with an API key.</summary>
internal static class AuditEndpoints
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/v1/audit").WithTags("Audit").AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapGet("/", List).WithSummary("Audit records, newest first (offset, limit ≤ 200). Auditors only (X-Api-Key or bearer token).");
        audit.MapGet("/{id:long}", Get).WithSummary("One audit record with the result that was served and the case it came from. Auditors only (X-Api-Key or bearer token).");
        audit.MapGet("/{id:long}/case", Case)
            .WithSummary("The case an audit record's result was computed from, as stored (POST it to /v1/recommend?asOf=… to replay). Auditors only (X-Api-Key or bearer token).");
        audit.MapGet("/cds-feedback", Feedback).WithSummary("CDS Hooks feedback (what clinicians did with the cards), newest first (offset, limit ≤ 200). Auditors only (X-Api-Key or bearer token).");
        return app;
    }

    public static async Task<Results<Ok<AuditPageDto>, ProblemHttpResult>> List(
        IAuditStore store, CancellationToken cancellationToken, int offset = 0, int limit = 50)
    {
        if (BadPaging(offset, limit) is { } problem)
        {
            return problem;
        }

        var page = await store.ListAsync(offset, limit, cancellationToken);
        var items = page.Records.Select(r => new AuditSummaryDto(r.Id, r.Entry.RecordedAt, r.Entry.CaseId, r.Entry.CaseSha256,
            r.Entry.KnowledgeBaseVersion, r.Entry.AsOf, r.Hash, r.Entry.Caller)).ToList();
        return TypedResults.Ok(new AuditPageDto(page.Total, offset, limit, items));
    }

    public static async Task<Results<Ok<FeedbackPageDto>, ProblemHttpResult>> Feedback(
        IAuditStore store, CancellationToken cancellationToken, int offset = 0, int limit = 50)
    {
        if (BadPaging(offset, limit) is { } problem)
        {
            return problem;
        }

        var items = await store.ListFeedbackAsync(offset, limit, cancellationToken);
        return TypedResults.Ok(new FeedbackPageDto(offset, limit, items));
    }

    /// <summary>400 problem details when a page is asked for outside offset ≥ 0 and 1 ≤ limit ≤ <see cref="MaxPageSize"/>.</summary>
    private static ProblemHttpResult? BadPaging(int offset, int limit) =>
        offset < 0 || limit is < 1 or > MaxPageSize
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad paging", detail: $"offset must be ≥ 0 and limit between 1 and {MaxPageSize}.")
            : null;

    public static async Task<Results<Ok<AuditRecordDto>, ProblemHttpResult>> Get(long id, IAuditStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } r)
        {
            return ApiProblems.NotFound($"There is no audit record {id}.");
        }

        using var result = JsonDocument.Parse(r.Entry.ResultJson);
        using var stored = r.Entry.CaseJson is { } json ? JsonDocument.Parse(json) : null;
        return TypedResults.Ok(new AuditRecordDto(r.Id, r.Entry.RecordedAt, r.Entry.CaseId, r.Entry.CaseSha256,
            r.Entry.KnowledgeBaseVersion, r.Entry.AsOf, r.PrevHash, r.Hash, result.RootElement.Clone(), stored?.RootElement.Clone(), r.Format, r.Entry.Caller));
    }

    /// <summary>The stored case alone, byte for byte as stored (for a /v1/recommend record, as the client sent it: its SHA-256 is the record's case hash).</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Case(long id, IAuditStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } r)
        {
            return ApiProblems.NotFound($"There is no audit record {id}.");
        }

        return r.Entry.CaseJson is { } json
            ? TypedResults.Text(json, "application/json; charset=utf-8")
            : ApiProblems.NotFound($"Audit record {id} was stored before cases were (schema 3): it holds the case's SHA-256 only.");
    }
}
