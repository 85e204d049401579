using FusionGuide.Domain.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FusionGuide.Server.Api;

/// <summary>The problem-details (RFC 9457) answers the API gives; invalid input carries the CLI's problem list.</summary>
internal static class ApiProblems
{
    /// <summary>400 with <c>problems</c>: exactly the <c>{path, message}</c> list <c>fusionguide</c> prints on exit 2.</summary>
    public static ProblemHttpResult InvalidInput(IReadOnlyList<Problem> problems) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The case is not valid",
        detail: problems.Count == 1 ? $"{problems[0].Path}: {problems[0].Message}" : $"{problems.Count} problems; see 'problems'.",
        extensions: new Dictionary<string, object?>
        {
            ["problems"] = problems.Select(p => new InputProblemDto(p.Path, p.Message)).ToList(),
        });

    public static ProblemHttpResult TooLarge(int maxBytes = CaseReader.MaxDocumentBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: maxBytes == CaseReader.MaxDocumentBytes ? "The case is too large" : "The request body is too large",
        detail: maxBytes == CaseReader.MaxDocumentBytes ? $"A case may be at most {maxBytes} bytes." : $"A request body may be at most {maxBytes} bytes.");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Send the case as application/json",
        detail: contentType is null ? "The request has no Content-Type." : $"Content-Type '{contentType}' is not application/json.");

    public static ProblemHttpResult NotAcceptable() => TypedResults.Problem(
        statusCode: StatusCodes.Status406NotAcceptable,
        title: "No acceptable format",
        detail: "The result is available as application/json, text/markdown or text/html.");

    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "An API key is required", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for this caller", detail: detail);
}
