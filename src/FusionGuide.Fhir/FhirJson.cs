using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;

namespace FusionGuide.Fhir;

/// <summary>The Firely SDK's JSON parser and serializer, configured once for FusionGuide.</summary>
public static class FhirJson
{
    // Recoverable keeps what does not fit the model, but a list written as a single value (or the reverse) then makes
    // the SDK's typed property throw on first use (found by fuzzing): that one is a parse error (PVAL127).
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings()
        .UsingMode(DeserializationMode.Recoverable)
        .Enforcing([CodedValidationException.PROPERTY_TYPE_MISMATCH_CODE]));

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
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The SDK's own faults on malformed input, e.g. an IndexOutOfRangeException on an empty property name
            // (found by fuzzing): the document is still unreadable input, never an internal error.
            return new(null, [$"not valid FHIR JSON: the FHIR parser failed on it ({ex.GetType().Name}: {ex.Message})"]);
        }
    }

    /// <summary>Serialises a resource with the SDK (indented or compact).</summary>
    public static string Serialize(Resource resource, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.ToJson(indented);
    }
}
