using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace FusionGuide.Fhir;

/// <summary>The Firely SDK's JSON parser and serializer, configured once for FusionGuide.</summary>
public static class FhirJson
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    /// <summary>The outcome of parsing: the resource (possibly partial) and every parse error.</summary>
    public sealed record ParseOutcome(Resource? Resource, IReadOnlyList<string> Errors);

    /// <summary>Parses a resource of any type; errors are returned, never thrown.</summary>
    public static ParseOutcome Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new(null, ["the input is empty: expected a FHIR resource"]);
        }

        try
        {
            var resource = Deserializer.DeserializeResource(json);
            return resource is DynamicResource d ? new(null, [$"'{d.TypeName}' is not a FHIR R4 resource type"]) : new(resource, []);
        }
        catch (DeserializationFailedException ex)
        {
            var errors = ex.Exceptions.Select(e => e.Message).ToList();
            return ex.PartialResult is Resource partial && errors.Count == 0 ? new(partial, []) : new(null, errors);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return new(null, [$"not valid FHIR JSON: {ex.Message}"]);
        }
    }

    /// <summary>Serialises a resource with the SDK (indented or compact).</summary>
    public static string Serialize(Resource resource, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.ToJson(indented);
    }
}
