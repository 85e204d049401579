using FusionGuide.Domain;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>RFC 9457 problem details for a refused request (400, 404, 412).</summary>
public sealed record CdsProblem
{
    /// <summary>Problem type URI.</summary>
    public string Type { get; init; } = "about:blank";
    /// <summary>Short title.</summary>
    public required string Title { get; init; }
    /// <summary>The HTTP status.</summary>
    public required int Status { get; init; }
    /// <summary>What is wrong.</summary>
    public string? Detail { get; init; }
    /// <summary>Every error found, each with where it is.</summary>
    public IReadOnlyList<string>? Errors { get; init; }
}

/// <summary>
/// What a hook call produced, transport-independent: the HTTP status, the body (on 200) or the problem, and the
/// case and result behind the cards (for the server to store under the hook instance, so the report link resolves).
/// </summary>
public sealed record CdsOutcome
{
    /// <summary>200, 400, 404 or 412.</summary>
    public required int StatusCode { get; init; }
    /// <summary>The cards, on 200.</summary>
    public CdsResponse? Response { get; init; }
    /// <summary>The problem, otherwise.</summary>
    public CdsProblem? Problem { get; init; }
    /// <summary>The case read from FHIR, on 200.</summary>
    public Case? Case { get; init; }
    /// <summary>The engine's result, on 200.</summary>
    public Result? Result { get; init; }
    /// <summary>
    /// On 200, the call's report token: 256 random bits, new for every call, that the cards' report link names (and
    /// their uuids derive from). Whoever serves the link stores the result under it; the hook instance is not used,
    /// since a client may reuse one for another patient.
    /// </summary>
    public string? ReportToken { get; init; }
    /// <summary>
    /// On 200, why the patient is outside FusionGuide's scope (no non-small cell lung cancer): then there is no result,
    /// no report and no advice — no card, or one <c>info</c> card saying why (<see cref="CdsHooksOptions.ExplainOutOfScope"/>).
    /// </summary>
    public string? OutOfScope { get; init; }
    /// <summary>What the FHIR mapping skipped (also in the result's warnings).</summary>
    public IReadOnlyList<Domain.Validation.InputNotice> MappingWarnings { get; init; } = [];

    internal static CdsOutcome Fail(int status, string title, string detail, IReadOnlyList<string>? errors = null) =>
        new() { StatusCode = status, Problem = new CdsProblem { Title = title, Status = status, Detail = detail, Errors = errors is { Count: > 0 } ? errors : null } };
}
