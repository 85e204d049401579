using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>The discovery document (<c>GET {base}/cds-services</c>).</summary>
public sealed record CdsDiscovery(IReadOnlyList<CdsServiceDescriptor> Services);

/// <summary>One CDS service as discovery lists it.</summary>
public sealed record CdsServiceDescriptor
{
    /// <summary>The hook it answers (<c>patient-view</c>, <c>order-select</c>, <c>order-sign</c>).</summary>
    public required string Hook { get; init; }
    /// <summary>The service id: <c>{base}/cds-services/{id}</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Human-readable title.</summary>
    public string? Title { get; init; }
    /// <summary>What the service does.</summary>
    public required string Description { get; init; }
    /// <summary>Prefetch templates: key → FHIR query with <c>{{context.patientId}}</c> tokens.</summary>
    public IReadOnlyDictionary<string, string>? Prefetch { get; init; }
    /// <summary>What the client must provide (CDS Hooks 2.0).</summary>
    public string? UsageRequirements { get; init; }
}

/// <summary>A parsed hook request (<c>POST {base}/cds-services/{id}</c>).</summary>
public sealed record CdsRequest
{
    /// <summary>The hook that fired.</summary>
    public required string Hook { get; init; }
    /// <summary>The caller's id of this firing (a UUID); card ids are derived from it.</summary>
    public required string HookInstance { get; init; }
    /// <summary>The FHIR server the service may read, when given.</summary>
    public Uri? FhirServer { get; init; }
    /// <summary>The bearer token for <see cref="FhirServer"/>, when given.</summary>
    public string? AccessToken { get; init; }
    /// <summary>The hook context.</summary>
    public required CdsContext Context { get; init; }
    /// <summary>Prefetched data by key: a resource or Bundle, or null (the client has no data). A key missing here was not prefetched.</summary>
    public IReadOnlyDictionary<string, Resource?> Prefetch { get; init; } = new Dictionary<string, Resource?>();
}

/// <summary>The hook context fields FusionGuide reads.</summary>
public sealed record CdsContext
{
    /// <summary>The user (e.g. Practitioner/123).</summary>
    public string? UserId { get; init; }
    /// <summary>The patient in context.</summary>
    public required string PatientId { get; init; }
    /// <summary>The encounter, when given.</summary>
    public string? EncounterId { get; init; }
    /// <summary>order-select: the ids of the orders just selected (e.g. MedicationRequest/103).</summary>
    public IReadOnlyList<string> Selections { get; init; } = [];
    /// <summary>order-select / order-sign: the draft orders.</summary>
    public Bundle? DraftOrders { get; init; }
}

/// <summary>A hook response: the cards (empty when there is no advice).</summary>
public sealed record CdsResponse(IReadOnlyList<CdsCard> Cards);

/// <summary>A card. Optional members are null (omitted on the wire), never empty.</summary>
public sealed record CdsCard
{
    /// <summary>Id unique to the call (derived from its report token and the card's kind).</summary>
    public string? Uuid { get; init; }
    /// <summary>One line, under 140 characters.</summary>
    public required string Summary { get; init; }
    /// <summary>Markdown detail.</summary>
    public string? Detail { get; init; }
    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public required string Indicator { get; init; }
    /// <summary>Who says so: FusionGuide and the knowledge-base version.</summary>
    public required CdsSource Source { get; init; }
    /// <summary>Actions the clinician can accept.</summary>
    public IReadOnlyList<CdsSuggestion>? Suggestions { get; init; }
    /// <summary><c>at-most-one</c> or <c>any</c>; set when there are suggestions.</summary>
    public string? SelectionBehavior { get; init; }
    /// <summary>Reasons the clinician may give for overriding the card.</summary>
    public IReadOnlyList<CdsCoding>? OverrideReasons { get; init; }
    /// <summary>Links (the full report).</summary>
    public IReadOnlyList<CdsLink>? Links { get; init; }
}

/// <summary>A card's source.</summary>
public sealed record CdsSource
{
    /// <summary>Label, e.g. "FusionGuide (knowledge base 2026.11.0)".</summary>
    public required string Label { get; init; }
    /// <summary>About the source.</summary>
    public string? Url { get; init; }
    /// <summary>The card's topic.</summary>
    public CdsCoding? Topic { get; init; }
}

/// <summary>A coding as CDS Hooks writes it (display required where the specification requires it).</summary>
public sealed record CdsCoding
{
    /// <summary>Code system.</summary>
    public required string System { get; init; }
    /// <summary>Code.</summary>
    public required string Code { get; init; }
    /// <summary>Display.</summary>
    public string? Display { get; init; }
}

/// <summary>A suggestion: a set of actions applied together.</summary>
public sealed record CdsSuggestion
{
    /// <summary>What accepting does.</summary>
    public required string Label { get; init; }
    /// <summary>Stable id for feedback.</summary>
    public string? Uuid { get; init; }
    /// <summary>True for the suggestion FusionGuide recommends.</summary>
    public bool? IsRecommended { get; init; }
    /// <summary>The actions, in FHIR transaction order.</summary>
    public IReadOnlyList<CdsAction>? Actions { get; init; }
}

/// <summary>An action: create, update or delete a resource.</summary>
public sealed record CdsAction
{
    /// <summary><c>create</c>, <c>update</c> or <c>delete</c>.</summary>
    public required string Type { get; init; }
    /// <summary>What the action does.</summary>
    public required string Description { get; init; }
    /// <summary>The resource to create or update (serialised by the Firely SDK).</summary>
    public Resource? Resource { get; init; }
    /// <summary>The resource to delete (e.g. MedicationRequest/103).</summary>
    public string? ResourceId { get; init; }
}

/// <summary>A link on a card.</summary>
public sealed record CdsLink
{
    /// <summary>Label.</summary>
    public required string Label { get; init; }
    /// <summary>URL.</summary>
    public required string Url { get; init; }
    /// <summary><c>absolute</c> or <c>smart</c>.</summary>
    public required string Type { get; init; }
}
