namespace FusionGuide.Server.Audit;

/// <summary>Ties a CDS Hooks call (its hook instance) to the audit record of the result behind its cards.</summary>
/// <param name="HookInstance">The client's hookInstance (a UUID by the specification); the report link names it.</param>
/// <param name="AuditId">The audit record holding the result.</param>
/// <param name="ServiceId">The CDS service called.</param>
/// <param name="Hook">The hook (patient-view, order-select, order-sign).</param>
/// <param name="RecordedAt">When, UTC, round-trip ISO 8601 (the server's clock).</param>
public sealed record HookInstanceLink(string HookInstance, long AuditId, string ServiceId, string Hook, string RecordedAt);

/// <summary>One stored CDS Hooks feedback item: what a clinician did with a card.</summary>
/// <param name="Id">A server-assigned id.</param>
/// <param name="ReceivedAt">When the server received it, UTC, round-trip ISO 8601 (the server's clock).</param>
/// <param name="ServiceId">The CDS service the feedback was posted to.</param>
/// <param name="Card">The card's uuid.</param>
/// <param name="Outcome"><c>accepted</c> or <c>overridden</c>.</param>
/// <param name="AcceptedSuggestions">The accepted suggestions' uuids.</param>
/// <param name="OverrideReasonSystem">The override reason's code system, when given.</param>
/// <param name="OverrideReasonCode">The override reason's code, when given.</param>
/// <param name="OverrideReasonDisplay">The override reason's display, when given.</param>
/// <param name="UserComment">The clinician's comment, when given.</param>
/// <param name="OutcomeTimestamp">When the outcome happened, as the client sent it (normalised to ISO 8601).</param>
public sealed record FeedbackEntry(
    string Id, string ReceivedAt, string ServiceId, string Card, string Outcome, IReadOnlyList<string> AcceptedSuggestions,
    string? OverrideReasonSystem, string? OverrideReasonCode, string? OverrideReasonDisplay, string? UserComment, string OutcomeTimestamp);

/// <summary>Source-generated JSON for the store's own small columns.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class AuditJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
