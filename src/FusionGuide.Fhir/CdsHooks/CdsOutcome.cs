using FusionGuide.Domain;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// How a hook call ended, in the terms of CDS Hooks rather than of a transport: the server maps each to its HTTP
/// status (answered 200, invalid request 400, unknown service 404, prefetch missing or of another patient 412).
/// </summary>
public enum CdsOutcomeKind
{
    /// <summary>Cards (possibly none) for the request.</summary>
    Answered,

    /// <summary>The request is malformed, names a hook the service does not answer, or its data cannot be read into a case.</summary>
    InvalidRequest,

    /// <summary>No service has the id called.</summary>
    UnknownService,

    /// <summary>Essential prefetch is missing, failed or incomplete and the FHIR server could not supply it (CDS Hooks 2.0: 412).</summary>
    PrefetchMissing,

    /// <summary>
    /// The prefetch is not the data of <c>context.patientId</c>: a Patient of another id, or resources about another
    /// patient. Nothing is evaluated or audited (412, like any prefetch the service cannot use).
    /// </summary>
    PrefetchOtherPatient,
}

/// <summary>Why a call was refused: a short title, what is wrong, and every error found with where it is.</summary>
public sealed record CdsProblem
{
    /// <summary>Short title.</summary>
    public required string Title { get; init; }
    /// <summary>What is wrong.</summary>
    public string? Detail { get; init; }
    /// <summary>Every error found, each with where it is.</summary>
    public IReadOnlyList<string>? Errors { get; init; }
}

/// <summary>
/// What a hook call produced, transport-independent: how it ended, the cards (answered) or the problem, the request as
/// parsed (for the hook and hook instance, so the body is parsed once), and the case and result behind the cards (for
/// the server to store under the call's report token, so the report link resolves).
/// </summary>
public sealed record CdsOutcome
{
    /// <summary>How the call ended.</summary>
    public required CdsOutcomeKind Kind { get; init; }
    /// <summary>The request as parsed, when it parsed.</summary>
    public CdsRequest? Request { get; init; }
    /// <summary>The cards, when answered.</summary>
    public CdsResponse? Response { get; init; }
    /// <summary>The problem, otherwise.</summary>
    public CdsProblem? Problem { get; init; }
    /// <summary>The case read from FHIR, when answered.</summary>
    public Case? Case { get; init; }
    /// <summary>The engine's result, when answered (none when out of scope).</summary>
    public Result? Result { get; init; }
    /// <summary>
    /// When answered, the call's report token: 256 random bits, new for every call, that the cards' report link names (and
    /// their uuids derive from). Whoever serves the link stores the result under it; the hook instance is not used,
    /// since a client may reuse one for another patient.
    /// </summary>
    public string? ReportToken { get; init; }
    /// <summary>
    /// When answered, why the patient is outside FusionGuide's scope (no non-small cell lung cancer): then there is no result,
    /// no report and no advice — no card, or one <c>info</c> card saying why (<see cref="CdsHooksOptions.ExplainOutOfScope"/>).
    /// </summary>
    public string? OutOfScope { get; init; }
    /// <summary>What the FHIR mapping skipped (also in the result's warnings).</summary>
    public IReadOnlyList<Domain.Validation.InputNotice> MappingWarnings { get; init; } = [];

    internal static CdsOutcome Refused(CdsOutcomeKind kind, string title, string detail, IReadOnlyList<string>? errors = null, CdsRequest? request = null) =>
        new() { Kind = kind, Request = request, Problem = new CdsProblem { Title = title, Detail = detail, Errors = errors is { Count: > 0 } ? errors : null } };
}
