using System.Text.Json.Serialization;
using FusionGuide.Knowledge.Loading.Wire;

namespace FusionGuide.Knowledge.Medications;

// knowledge/medication-codes/rxnorm.json exactly as it is written (docs/knowledge-format.md, "Medication codes").
// Strings stay strings here so that an unknown term is reported with its code (KB005) by MedicationCodeValidator.

/// <summary>The whole table: its sources, its ingredients and the codes never to be confused with them.</summary>
internal sealed record WireMedicationCodes(
    string System,
    string Status,
    string RxnormVersionSeen,
    string Description,
    IReadOnlyList<WireCodeSource> SourcesUsed,
    string VerificationRule,
    IReadOnlyList<WireIngredient> Ingredients,
    IReadOnlyList<WireConfusable> NotToBeConfused,
    string AnticancerClassNote);

/// <summary>A source the table's evidence names by id.</summary>
internal sealed record WireCodeSource(string Id, string Kind, string What);

/// <summary>An ingredient FusionGuide knows, with the RxNorm concepts that contain it.</summary>
internal sealed record WireIngredient(
    string Id,
    string Name,
    IReadOnlyList<string>? RxnormIngredient,
    IReadOnlyList<string> UsedIn,
    IReadOnlyList<WireCode> Codes,
    string VerificationNote,
    string? AnticancerClass = null);

/// <summary>One RxNorm concept (RXCUI) and how it was read.</summary>
internal sealed record WireCode : WireEvidenced
{
    public required string Code { get; init; }
    public string? Tty { get; init; }
    public string? Display { get; init; }
    public bool? MultiIngredient { get; init; }
    public bool? Pack { get; init; }
    public bool? LocalDoseForm { get; init; }
    public bool? TtyInferred { get; init; }
}

/// <summary>A code that was cited for one of the ingredients but is another drug.</summary>
internal sealed record WireConfusable : WireEvidenced
{
    public required string Code { get; init; }
    public required string Display { get; init; }
    public string? Tty { get; init; }
    public required string Why { get; init; }
}

/// <summary>Source-generated, strict reader of the table (unknown fields are errors, as for every knowledge file).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(WireMedicationCodes))]
internal sealed partial class MedicationCodeJsonContext : JsonSerializerContext;
