using System.Diagnostics;
using System.Diagnostics.Metrics;
using FusionGuide.Engine;
using FusionGuide.Server.Audit;

namespace FusionGuide.Server.Operations;

/// <summary>
/// FusionGuide's own metrics (meter <c>FusionGuide.Server</c>), beside ASP.NET Core's request metrics. Names as
/// Prometheus shows them at <c>/metrics</c> are listed in docs/deploy.md.
/// </summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "FusionGuide.Server";

    private readonly Histogram<double> appendDuration;
    private readonly Counter<long> cdsResponses;
    private readonly Counter<long> auditUnavailable;
    private readonly KeyValuePair<string, object?> knowledge;

    public ServerMetrics(IMeterFactory meters, FusionEngine engine, SqlAuditStore store)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(engine);
        var meter = meters.Create(MeterName);
        knowledge = new("knowledge_version", engine.KnowledgeBase.Version);
        KeyValuePair<string, object?>[] info =
        [
            knowledge,
            new("software_version", SoftwareVersion.Current),
            new("contract_version", Domain.Wire.ContractVersion.Current),
        ];
        meter.CreateObservableGauge("fusionguide.info", () => new Measurement<int>(1, info),
            description: "Always 1; its labels name the software, knowledge-base and contract versions being served.");
        appendDuration = meter.CreateHistogram<double>("fusionguide.audit.append.duration", "s",
            "Time from a record handed to the audit store until it is durably committed (group commit included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        meter.CreateObservableGauge("fusionguide.audit.queue.depth", () => store.QueuedAppends, "{record}",
            "Audit appends waiting to be taken into a transaction.");
        cdsResponses = meter.CreateCounter<long>("fusionguide.cds_hooks.responses", "{response}",
            "CDS Hooks answers by service and HTTP status (discovery, service calls and feedback).");
        auditUnavailable = meter.CreateCounter<long>("fusionguide.audit.unavailable", "{request}",
            "Requests answered 503 because the audit store could not be reached.");
    }

    public void AppendFinished(TimeSpan elapsed, bool ok) =>
        appendDuration.Record(elapsed.TotalSeconds, knowledge, new("outcome", ok ? "ok" : "error"));

    public void AuditUnavailable(string route) => auditUnavailable.Add(1, new KeyValuePair<string, object?>("http_route", route));

    public void CdsAnswered(string service, string kind, int status) =>
        cdsResponses.Add(1, knowledge, new("service", service), new("kind", kind), new("http_response_status_code", status));

    private static readonly string[] KnownServices = [Fhir.CdsHooks.CdsHooksService.PatientViewId, Fhir.CdsHooks.CdsHooksService.OrderSelectId, Fhir.CdsHooks.CdsHooksService.OrderSignId];

    /// <summary>Counts every answer under <c>/cds-services</c> (by service id and status), whatever produced it.</summary>
    public static IApplicationBuilder UseCdsOutcomes(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/cds-services", out var rest))
        {
            await next(context);
            return;
        }

        // Only the service ids the server has become labels ("unknown" otherwise), so a client cannot create series at
        // will. Counted once the answer is complete, with the status the client got (a 503 from the exception handler
        // included).
        var segments = (rest.Value ?? "").Trim('/').Split('/');
        var (service, kind) = segments[0].Length == 0
            ? ("discovery", "discovery")
            : (KnownServices.Contains(segments[0]) ? segments[0] : "unknown", segments is [_, "feedback"] ? "feedback" : "call");
        context.Response.OnCompleted(() =>
        {
            context.RequestServices.GetRequiredService<ServerMetrics>().CdsAnswered(service, kind, context.Response.StatusCode);
            return Task.CompletedTask;
        });
        await next(context);
    });
}

/// <summary>The audit store with append latency measured (every other call passes straight through).</summary>
internal sealed class MeteredAuditStore(IAuditStore inner, ServerMetrics metrics) : IAuditStore
{
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            var record = await inner.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
            ok = true;
            return record;
        }
        finally
        {
            metrics.AppendFinished(Stopwatch.GetElapsedTime(start), ok);
        }
    }

    public Task<AuditPage> ListAsync(int offset, int limit, CancellationToken cancellationToken = default) => inner.ListAsync(offset, limit, cancellationToken);

    public Task<AuditRecord?> GetAsync(long id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);

    public Task LinkHookInstanceAsync(HookInstanceLink link, CancellationToken cancellationToken = default) => inner.LinkHookInstanceAsync(link, cancellationToken);

    public Task<long?> FindHookInstanceAsync(string hookInstance, CancellationToken cancellationToken = default) => inner.FindHookInstanceAsync(hookInstance, cancellationToken);

    public Task LinkReportAsync(string token, long auditId, string recordedAt, CancellationToken cancellationToken = default) =>
        inner.LinkReportAsync(token, auditId, recordedAt, cancellationToken);

    public Task<long?> FindReportAsync(string token, CancellationToken cancellationToken = default) => inner.FindReportAsync(token, cancellationToken);

    public Task AppendFeedbackAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken = default) => inner.AppendFeedbackAsync(entries, cancellationToken);

    public Task<IReadOnlyList<FeedbackEntry>> ListFeedbackAsync(int offset, int limit, CancellationToken cancellationToken = default) =>
        inner.ListFeedbackAsync(offset, limit, cancellationToken);
}

/// <summary>The software's version: the informational version stamped at build (<c>-p:Version=</c>), without a source hash.</summary>
public static class SoftwareVersion
{
    /// <summary>For example <c>0.2.0</c>.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var asm = typeof(SoftwareVersion).Assembly;
        var info = (Attribute.GetCustomAttribute(asm, typeof(System.Reflection.AssemblyInformationalVersionAttribute)) as System.Reflection.AssemblyInformationalVersionAttribute)?.InformationalVersion;
        return info?.Split('+')[0] ?? asm.GetName().Version?.ToString() ?? "unknown";
    }
}
