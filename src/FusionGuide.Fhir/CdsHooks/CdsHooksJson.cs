using System.Text.Json;
using System.Text.Json.Serialization;
using Hl7.Fhir.Serialization;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// JSON for CDS Hooks bodies: camelCase, optional members omitted (never null), and FHIR resources inside cards
/// written by the Firely SDK's converter.
/// </summary>
public static class CdsHooksJson
{
    /// <summary>The serializer options the server should use for every CDS Hooks body.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serialises a discovery document, response, outcome problem or feedback.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        }.ForFhir();
        o.TypeInfoResolver ??= new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        o.MakeReadOnly();
        return o;
    }
}
