using System.Text.Json;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>Parses a hook request body; every error is collected (a malformed request is answered with 400).</summary>
public static class CdsRequestReader
{
    /// <summary>The request, or null with the errors.</summary>
    public static (CdsRequest? Request, IReadOnlyList<string> Errors) Parse(string? json)
    {
        var errors = new List<string>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException ex)
        {
            return (null, [$"$: not valid JSON: {ex.Message}"]);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ["$: the request must be a JSON object"]);
            }

            var hook = Text(root, "hook", "$", errors, required: true);
            var instance = Text(root, "hookInstance", "$", errors, required: true);
            if (instance is not null && !Guid.TryParseExact(instance, "D", out _))
            {
                // CDS Hooks 2.0: "a universally unique identifier (UUID) for this particular hook call".
                errors.Add("$.hookInstance: must be a UUID (8-4-4-4-12 hexadecimal digits)");
                instance = null;
            }

            var server = Text(root, "fhirServer", "$", errors, required: false);
            Uri? serverUri = null;
            if (server is not null && !Uri.TryCreate(server, UriKind.Absolute, out serverUri))
            {
                errors.Add("$.fhirServer: not an absolute URL");
            }

            string? token = null;
            if (root.TryGetProperty("fhirAuthorization", out var auth) && auth.ValueKind == JsonValueKind.Object)
            {
                token = Text(auth, "access_token", "$.fhirAuthorization", errors, required: true);
            }

            var context = Context(root, errors);
            var prefetch = Prefetch(root, errors);
            if (errors.Count > 0 || hook is null || instance is null || context is null)
            {
                return (null, errors);
            }

            return (new CdsRequest { Hook = hook, HookInstance = instance, FhirServer = serverUri, AccessToken = token, Context = context, Prefetch = prefetch }, []);
        }
    }

    private static CdsContext? Context(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("context", out var c) || c.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$.context: is required and must be an object");
            return null;
        }

        var patient = Text(c, "patientId", "$.context", errors, required: true);
        var selections = new List<string>();
        if (c.TryGetProperty("selections", out var sel))
        {
            if (sel.ValueKind != JsonValueKind.Array || sel.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
            {
                errors.Add("$.context.selections: must be an array of strings");
            }
            else
            {
                selections.AddRange(sel.EnumerateArray().Select(s => s.GetString()!));
            }
        }

        Bundle? drafts = null;
        if (c.TryGetProperty("draftOrders", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            drafts = Resource(d, "$.context.draftOrders", errors) as Bundle;
            if (drafts is null)
            {
                errors.Add("$.context.draftOrders: must be a FHIR Bundle");
            }
        }

        return patient is null ? null : new CdsContext
        {
            PatientId = patient, UserId = Text(c, "userId", "$.context", errors, required: false),
            EncounterId = Text(c, "encounterId", "$.context", errors, required: false), Selections = selections, DraftOrders = drafts,
        };
    }

    private static Dictionary<string, Resource?> Prefetch(JsonElement root, List<string> errors)
    {
        var map = new Dictionary<string, Resource?>(StringComparer.Ordinal);
        if (!root.TryGetProperty("prefetch", out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (p.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$.prefetch: must be an object");
            return map;
        }

        foreach (var item in p.EnumerateObject())
        {
            map[item.Name] = item.Value.ValueKind == JsonValueKind.Null ? null : Resource(item.Value, $"$.prefetch.{item.Name}", errors);
        }

        return map;
    }

    private static Resource? Resource(JsonElement e, string path, List<string> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: must be a FHIR resource");
            return null;
        }

        var parsed = FhirJson.Parse(e.GetRawText());
        errors.AddRange(parsed.Errors.Select(x => $"{path}: {x}"));
        if (parsed.Resource is null && parsed.Errors.Count == 0)
        {
            errors.Add($"{path}: not a FHIR resource");
        }

        return parsed.Resource;
    }

    private static string? Text(JsonElement obj, string name, string path, List<string> errors, bool required)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add($"{path}.{name}: is required");
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            errors.Add($"{path}.{name}: must be a non-empty string");
            return null;
        }

        return v.GetString();
    }
}
