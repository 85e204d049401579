using System.Text.Json.Serialization;

namespace FusionGuide.Server.Api;

/// <summary>Source-generated JSON for the server's own DTOs (a knowledge record is written by KnowledgeRecordJson, as its file holds it).</summary>
[JsonSourceGenerationOptions(
    System.Text.Json.JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InputProblemDto))]
[JsonSerializable(typeof(List<InputProblemDto>))]
[JsonSerializable(typeof(NoticeDto))]
[JsonSerializable(typeof(ValidationDto))]
[JsonSerializable(typeof(KnowledgeDto))]
[JsonSerializable(typeof(HealthDto))]
[JsonSerializable(typeof(AuditPageDto))]
[JsonSerializable(typeof(AuditRecordDto))]
[JsonSerializable(typeof(FeedbackPageDto))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
