using System.Text.Json.Serialization;
using FusionGuide.Knowledge.Loading.Wire;

namespace FusionGuide.Knowledge.Loading;

/// <summary>
/// Source-generated readers for knowledge files (strict: unknown fields are errors, so typos surface), and for the
/// build-time knowledge image that holds them all in one document (<see cref="KnowledgeImage"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(Manifest))]
[JsonSerializable(typeof(Reference))]
[JsonSerializable(typeof(Drug))]
[JsonSerializable(typeof(ToxicityTable))]
[JsonSerializable(typeof(InteractionClass))]
[JsonSerializable(typeof(DrugInteractions))]
[JsonSerializable(typeof(ResistanceRow))]
[JsonSerializable(typeof(OffTargetMechanism))]
[JsonSerializable(typeof(Regimen))]
[JsonSerializable(typeof(Trial))]
[JsonSerializable(typeof(Threshold))]
[JsonSerializable(typeof(RuleInfo))]
[JsonSerializable(typeof(PanelGene))]
[JsonSerializable(typeof(CarePathway))]
[JsonSerializable(typeof(Comedication))]
[JsonSerializable(typeof(ReproductiveFacts))]
[JsonSerializable(typeof(KnowledgeImage.Document))]
internal sealed partial class KnowledgeJsonContext : JsonSerializerContext;
