using System.Globalization;
using System.Text.Json;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>A feedback body (<c>POST {base}/cds-services/{id}/feedback</c>); the server stores it.</summary>
public sealed record CdsFeedback(IReadOnlyList<CdsFeedbackItem> Feedback);

/// <summary>What the clinician did with one card.</summary>
public sealed record CdsFeedbackItem
{
    /// <summary>The card's uuid.</summary>
    public required string Card { get; init; }
    /// <summary><c>accepted</c> or <c>overridden</c>.</summary>
    public required string Outcome { get; init; }
    /// <summary>The accepted suggestions' uuids (required when accepted).</summary>
    public IReadOnlyList<string> AcceptedSuggestions { get; init; } = [];
    /// <summary>The override reason coding, when given.</summary>
    public CdsCoding? OverrideReason { get; init; }
    /// <summary>The clinician's comment, when given.</summary>
    public string? UserComment { get; init; }
    /// <summary>When the outcome happened.</summary>
    public required DateTimeOffset OutcomeTimestamp { get; init; }
}

/// <summary>Parses feedback bodies, collecting every error with its JSON path.</summary>
public static class CdsFeedbackReader
{
    /// <summary>The feedback, or null with the errors (answer 400).</summary>
    public static (CdsFeedback? Feedback, IReadOnlyList<string> Errors) Parse(string? json)
    {
        var errors = new List<string>();
        try
        {
            using var doc = JsonDocument.Parse(json ?? "");
            if (!doc.RootElement.TryGetProperty("feedback", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return (null, ["$.feedback: is required and must be an array"]);
            }

            var items = list.EnumerateArray().Select((e, i) => Item(e, $"$.feedback[{i}]", errors)).ToList();
            return errors.Count > 0 ? (null, errors) : (new CdsFeedback([.. items.OfType<CdsFeedbackItem>()]), []);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, [$"$: not valid JSON: {ex.Message}"]);
        }
    }

    private static CdsFeedbackItem? Item(JsonElement e, string path, List<string> errors)
    {
        var card = Str(e, "card");
        var outcome = Str(e, "outcome");
        var when = Str(e, "outcomeTimestamp");
        var start = errors.Count;
        if (card is null)
        {
            errors.Add($"{path}.card: is required");
        }

        if (outcome is not ("accepted" or "overridden"))
        {
            errors.Add($"{path}.outcome: must be 'accepted' or 'overridden'");
        }

        if (!DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
        {
            errors.Add($"{path}.outcomeTimestamp: is required and must be an ISO date-time");
        }

        var accepted = e.TryGetProperty("acceptedSuggestions", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => Str(x, "id")).ToList() : [];
        if (accepted.Any(x => x is null))
        {
            errors.Add($"{path}.acceptedSuggestions: each must have an id");
        }

        if (outcome == "accepted" && accepted.Count == 0)
        {
            errors.Add($"{path}.acceptedSuggestions: is required when the outcome is accepted");
        }

        CdsCoding? reason = null;
        string? comment = null;
        if (e.TryGetProperty("overrideReason", out var o) && o.ValueKind == JsonValueKind.Object)
        {
            comment = Str(o, "userComment");
            if (o.TryGetProperty("reason", out var r) && Str(r, "code") is { } code)
            {
                reason = new CdsCoding { System = Str(r, "system") ?? "", Code = code, Display = Str(r, "display") };
            }
        }

        return errors.Count > start ? null : new CdsFeedbackItem
        {
            Card = card!, Outcome = outcome!, AcceptedSuggestions = [.. accepted.OfType<string>()], OverrideReason = reason,
            UserComment = comment, OutcomeTimestamp = timestamp,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
