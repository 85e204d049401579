namespace FusionGuide.Server.Api;

/// <summary>Request log lines. They carry the case's SHA-256 and never its content: a case is health data.</summary>
internal static partial class RequestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "recommend: case sha256={CaseSha256} audited as record {RecordId}, answered as {Format}")]
    public static partial void Recommended(ILogger logger, string caseSha256, long recordId, ReportFormat format);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Operation}: case sha256={CaseSha256} is invalid ({ProblemCount} problems)")]
    public static partial void InvalidCase(ILogger logger, string operation, string caseSha256, int problemCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "validate: case sha256={CaseSha256}, {ProblemCount} problems")]
    public static partial void Validated(ILogger logger, string caseSha256, int problemCount);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "fusionguide-server: knowledge base {Version}; audit records go to {AuditStore}; /v1/audit is {AuditAccess}")]
    public static partial void Started(ILogger logger, string version, string auditStore, string auditAccess);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "fusionguide-server: {What} answer anyone who can reach this server, audited as 'anonymous' ({HowToClose})")]
    public static partial void OpenToAnyone(ILogger logger, string what, string howToClose);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "audit: {Path} refused: {Reason}")]
    public static partial void AuditRefused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "caller: {Path} refused: {Reason}")]
    public static partial void CallerRefused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "cds-services/{ServiceId}: request sha256={RequestSha256} audited as record {RecordId}, {CardCount} cards")]
    public static partial void CdsAnswered(ILogger logger, string serviceId, string requestSha256, long recordId, int cardCount);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "cds-services/{ServiceId}: request sha256={RequestSha256} refused with {Status}")]
    public static partial void CdsRefused(ILogger logger, string serviceId, string requestSha256, int status);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "cds-services/{ServiceId}: request sha256={RequestSha256} out of scope (no NSCLC on record): {CardCount} cards, nothing evaluated or audited")]
    public static partial void CdsOutOfScope(ILogger logger, string serviceId, string requestSha256, int cardCount);
}
