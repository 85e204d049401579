using FusionGuide.Domain;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>The site's settings for the CDS Hooks service (FHIR carries none of them).</summary>
public sealed record CdsHooksOptions
{
    /// <summary>
    /// Base of the full-report link; the call's unguessable report token is appended (e.g. https://host/reports/ →
    /// https://host/reports/{token}, see <see cref="CdsOutcome.ReportToken"/>). Null: the cards carry no link.
    /// </summary>
    public required Uri? ReportBaseUrl { get; init; }

    /// <summary>The evaluation date of each call (the server's clock, read by the server, never by the engine).</summary>
    public required Func<DateOnly> EvaluationDate { get; init; }

    /// <summary>The site's region (which approvals apply).</summary>
    public Region? Region { get; init; }

    /// <summary>Therapies the site cannot obtain.</summary>
    public IReadOnlyList<Therapy> Unavailable { get; init; } = [];

    /// <summary>When given, the complete list of therapies the site can obtain.</summary>
    public IReadOnlyList<Therapy>? Available { get; init; }

    /// <summary>A page about FusionGuide, shown as the card source's URL (omitted when null).</summary>
    public Uri? AboutUrl { get; init; }

    /// <summary>
    /// For a patient without non-small cell lung cancer (no lung cancer on record, or a primary cancer of another site),
    /// patient-view answers no card (false, the default: FusionGuide says nothing about patients it is not for) or one
    /// <c>info</c> card saying why (true: for a site that invokes the service explicitly and wants an answer).
    /// </summary>
    public bool ExplainOutOfScope { get; init; }

    /// <summary>The whole time spent fetching missing prefetch from the FHIR server, per call (then 412, never 500).</summary>
    public TimeSpan FetchBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Most search pages (<c>link[next]</c>) followed per prefetch query; a longer search is 412.</summary>
    public int MaxFetchPages { get; init; } = 10;

    /// <summary>Send the bearer token to an <c>http://</c> FHIR server (local testing only; otherwise https is required).</summary>
    public bool AllowHttpFhirServer { get; init; }
}
