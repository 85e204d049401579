using System.Text.Json;

namespace FusionGuide.Server.Api;

/// <summary>One input problem, as the CLI prints it on standard error: the JSON path at fault and what is wrong.</summary>
public sealed record InputProblemDto(string Path, string Message);

/// <summary>A notice about input that was kept but not used (unknown fields, for example).</summary>
public sealed record NoticeDto(string Code, string Path, string Message);

/// <summary>The answer of <c>POST /v1/validate</c> for a valid case.</summary>
public sealed record ValidationDto(bool Valid, string? CaseId, IReadOnlyList<NoticeDto> Notices);

/// <summary>
/// An entry of the knowledge base's reference list: <c>shortName</c> and <c>citation</c> as the knowledge base holds
/// them (curators' notes included), and what a reader is shown, cleaned by the reports' own rules
/// (<see cref="Rendering.ReadableReferences"/>): <c>label</c>, <c>readableCitation</c>, and <c>listedAs</c>, the id a
/// work recorded twice is listed under. <c>date</c> is written as the knowledge file writes it: YYYY-MM-DD, or YYYY-MM /
/// YYYY when only the month / year was read (never an invented day).
/// </summary>
public sealed record ReferenceDto(string Id, string ShortName, string Kind, string Citation, string? Date, string? Url, bool? Verified,
    string Label, string ReadableCitation, string ListedAs);

/// <summary>The answer of <c>GET /v1/knowledge</c>.</summary>
public sealed record KnowledgeDto(string Version, string ReleaseDate, int ContractVersion, IReadOnlyList<string> Drugs, IReadOnlyList<ReferenceDto> References);

/// <summary>The answer of <c>GET /healthz</c>.</summary>
public sealed record HealthDto(string Status, string KnowledgeBaseVersion);

/// <summary>An audit record without its result, as listed; <c>caller</c> is who asked (absent in records stored before schema 4).</summary>
public sealed record AuditSummaryDto(long Id, string RecordedAt, string? CaseId, string CaseSha256, string KnowledgeBaseVersion, string AsOf, string Hash,
    FusionGuide.Server.Audit.AuditCaller? Caller);

/// <summary>One page of the audit list, newest first.</summary>
public sealed record AuditPageDto(long Total, int Offset, int Limit, IReadOnlyList<AuditSummaryDto> Records);

/// <summary>A page of CDS Hooks feedback, newest first.</summary>
public sealed record FeedbackPageDto(int Offset, int Limit, IReadOnlyList<FusionGuide.Server.Audit.FeedbackEntry> Feedback);

/// <summary>
/// One audit record with the result that was served and the case it was computed from (<c>case</c>: null in records
/// stored before schema 3); <c>format</c> is the record format (see docs/audit-integrity.md); <c>caller</c> is who
/// asked (absent before schema 4).
/// </summary>
public sealed record AuditRecordDto(
    long Id, string RecordedAt, string? CaseId, string CaseSha256, string KnowledgeBaseVersion, string AsOf,
    string PrevHash, string Hash, JsonElement Result, JsonElement? Case, int Format, FusionGuide.Server.Audit.AuditCaller? Caller);
