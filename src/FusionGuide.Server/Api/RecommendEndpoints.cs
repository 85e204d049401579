using System.Globalization;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Rendering;
using FusionGuide.Server.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FusionGuide.Server.Api;

/// <summary><c>POST /v1/recommend</c> and <c>POST /v1/validate</c>: parse → engine → record → render.</summary>
internal static class RecommendEndpoints
{
    public static IEndpointRouteBuilder MapRecommendEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Cases");
        v1.MapPost("/recommend", Recommend)
            .Accepts<Domain.Case>(Negotiation.Json)
            .Produces<Domain.Result>(StatusCodes.Status200OK, Negotiation.Json, Negotiation.Markdown, Negotiation.Html)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status401Unauthorized).AddEndpointFilter<Hosting.CallerFilter>()
            .WithSummary("Evaluate a case: the result as JSON, or the report as Markdown or HTML (Accept header). Every result served is audited with who asked.");
        v1.MapPost("/validate", Validate)
            .Accepts<Domain.Case>(Negotiation.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Check a case against the contract without evaluating it.");
        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Recommend(
        HttpContext http, string? asOf, FusionEngine engine, ReferenceList references, IAuditStore audit, TimeProvider clock,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var format = Negotiation.Choose(http.Request);
        var (bytes, problem) = format is null ? (null, ApiProblems.NotAcceptable()) : await CaseBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var sha = AuditChain.Sha256(bytes);
        var read = CaseReader.Read(bytes);
        var problems = read.Problems.ToList();
        var date = AsOfDate.Parse(asOf, "asOf", problems);
        var log = logs.CreateLogger(typeof(RecommendEndpoints).FullName!);
        if (problems.Count > 0)
        {
            RequestLog.InvalidCase(log, "recommend", sha, problems.Count);
            return ApiProblems.InvalidInput(problems);
        }

        var result = engine.Evaluate(read.Case!, date, read.Notices);
        var json = ContractJson.Serialize(result, indented: false);
        var entry = new AuditEntry(clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture), result.CaseId, sha, result.KnowledgeBaseVersion, result.AsOf!, json,
            System.Text.Encoding.UTF8.GetString(bytes!), Hosting.Callers.Of(http).Identity);
        var record = await audit.AppendAsync(entry, cancellationToken);
        RequestLog.Recommended(log, sha, record.Id, format!.Value);
        http.Response.Headers["X-Case-Sha256"] = sha;
        http.Response.Headers["X-Audit-Record"] = record.Id.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Audit-Record-Hash"] = record.Hash;
        return TypedResults.Text(Render(format.Value, result, json, references, read.Case!), Negotiation.ContentType(format.Value));
    }

    public static async Task<Results<Ok<ValidationDto>, ProblemHttpResult>> Validate(
        HttpRequest request, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (bytes, problem) = await CaseBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var sha = AuditChain.Sha256(bytes);
        var read = CaseReader.Read(bytes);
        var log = logs.CreateLogger(typeof(RecommendEndpoints).FullName!);
        RequestLog.Validated(log, sha, read.Problems.Count);
        return read.IsValid
            ? TypedResults.Ok(new ValidationDto(true, read.Case!.Id, [.. read.Notices.Select(n => new NoticeDto(n.Code, n.Path, n.Message))]))
            : ApiProblems.InvalidInput(read.Problems);
    }

    // The reports restate the case they answer ("Patient and findings"), so that a printed copy stands on its own.
    private static string Render(ReportFormat format, Domain.Result result, string json, ReferenceList references, Domain.Case input) => format switch
    {
        ReportFormat.Markdown => MarkdownRenderer.Render(result, references, input),
        ReportFormat.Html => HtmlRenderer.Render(result, references, input),
        _ => json,
    };
}
