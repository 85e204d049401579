using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Wire;

/// <summary>Source-generated JSON metadata for every contract type (no reflection: the CLI is compiled ahead of time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(Case))]
[JsonSerializable(typeof(Result))]
[JsonSerializable(typeof(EvidenceEntry))]
[JsonSerializable(typeof(List<Problem>))]
[JsonSerializable(typeof(IReadOnlyList<Problem>))]
public sealed partial class ContractJsonContext : JsonSerializerContext;

/// <summary>The version of the case and result contract this engine implements (docs/case-format.md, docs/schema/).</summary>
public static class ContractVersion
{
    /// <summary>"1.1": every field of contract 1.1's case and the required fields of its result.</summary>
    public const string Current = "1.1";
}

/// <summary>The serialisers every front end uses: indented for people, compact for streams.</summary>
public static class ContractJson
{
    private static JsonSerializerOptions Options(bool indented) => new(ContractJsonContext.Default.Options)
    {
        WriteIndented = indented,
        // Clinical text carries ≥, µ and accents: keep it readable. HTML output is escaped by the renderer.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Indented output (CLI, files people read).</summary>
    public static ContractJsonContext Pretty { get; } = new(Options(true));

    /// <summary>Single-line output (NDJSON batch, HTTP).</summary>
    public static ContractJsonContext Compact { get; } = new(Options(false));

    /// <summary>Serialises a result.</summary>
    public static string Serialize(Result result, bool indented = true) =>
        JsonSerializer.Serialize(result, (indented ? Pretty : Compact).Result);

    /// <summary>Serialises a case.</summary>
    public static string Serialize(Case value, bool indented = true) =>
        JsonSerializer.Serialize(value, (indented ? Pretty : Compact).Case);

    /// <summary>Serialises a problem list (the contract's stderr form for exit code 2).</summary>
    public static string Serialize(IReadOnlyList<Problem> problems, bool indented = true) =>
        JsonSerializer.Serialize(problems, (indented ? Pretty : Compact).IReadOnlyListProblem);
}
