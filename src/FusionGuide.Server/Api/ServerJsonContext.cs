using System.Text.Json.Serialization;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Server.Api;

/// <summary>Source-generated JSON for the server's own DTOs and the knowledge records it shows.</summary>
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
[JsonSerializable(typeof(Drug))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
