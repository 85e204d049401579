using FusionGuide.Domain;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// The links a call's cards carry. They depend on the URL the call came in by (a proxy's public address), so they are
/// given with each call, while <see cref="CdsHooksOptions"/> holds what is the same for every call.
/// </summary>
/// <param name="ReportBaseUrl">
/// Base of the full-report link; the call's unguessable report token is appended (e.g. https://host/reports/ →
/// https://host/reports/{token}, see <see cref="CdsOutcome.ReportToken"/>). Null: the cards carry no link.
/// </param>
/// <param name="AboutUrl">A page about FusionGuide, shown as the card source's URL (omitted when null).</param>
public sealed record CdsLinks(Uri? ReportBaseUrl, Uri? AboutUrl)
{
    /// <summary>No links: cards without a report link or source URL.</summary>
    public static CdsLinks None { get; } = new(null, null);
}

/// <summary>The site's settings for the CDS Hooks service (FHIR carries none of them); the same for every call.</summary>
public sealed record CdsHooksOptions
{
    /// <summary>The evaluation date of each call (the server's clock, read by the server, never by the engine).</summary>
    public required Func<DateOnly> EvaluationDate { get; init; }

    /// <summary>The site's region (which approvals apply).</summary>
    public Region? Region { get; init; }

    /// <summary>Therapies the site cannot obtain.</summary>
    public IReadOnlyList<Therapy> Unavailable { get; init; } = [];

    /// <summary>When given, the complete list of therapies the site can obtain.</summary>
    public IReadOnlyList<Therapy>? Available { get; init; }

    /// <summary>
    /// For a patient without non-small cell lung cancer (no lung cancer on record, or a primary cancer of another site),
    /// patient-view answers no card (false, the default: FusionGuide says nothing about patients it is not for) or one
    /// <c>info</c> card saying why (true: for a site that invokes the service explicitly and wants an answer).
    /// </summary>
    public bool ExplainOutOfScope { get; init; }

    /// <summary>
    /// At most this many informational cards per patient-view answer (default 1): beyond it they are merged into one,
    /// so a stable patient gets one card per chart opening. Warnings and critical cards are never merged.
    /// </summary>
    public int MaxInformationCards { get; init; } = 1;

    /// <summary>The whole time spent fetching missing prefetch from the FHIR server, per call (then 412, never 500).</summary>
    public TimeSpan FetchBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Most search pages (<c>link[next]</c>) followed per prefetch query; a longer search is 412.</summary>
    public int MaxFetchPages { get; init; } = 10;

    /// <summary>Send the bearer token to an <c>http://</c> FHIR server (local testing only; otherwise https is required).</summary>
    public bool AllowHttpFhirServer { get; init; }
}
