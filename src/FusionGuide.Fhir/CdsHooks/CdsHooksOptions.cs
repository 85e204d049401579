using FusionGuide.Domain;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>The site's settings for the CDS Hooks service (FHIR carries none of them).</summary>
public sealed record CdsHooksOptions
{
    /// <summary>Base of the full-report link; the hook instance is appended (e.g. https://host/reports/ → https://host/reports/{hookInstance}).</summary>
    public required Uri ReportBaseUrl { get; init; }

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
}
