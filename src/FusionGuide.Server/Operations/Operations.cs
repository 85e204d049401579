using System.Text.Json.Serialization;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Model;
using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;
using Microsoft.Extensions.Configuration.CommandLine;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace FusionGuide.Server.Operations;

/// <summary>The answer of <c>GET /version</c>.</summary>
public sealed record VersionDto(string Software, string KnowledgeBase, string KnowledgeReleaseDate, string Contract);

[JsonSerializable(typeof(ReadinessDto))]
[JsonSerializable(typeof(VersionDto))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class OperationsJsonContext : JsonSerializerContext;

/// <summary>
/// What an operator needs beside the API: <c>/readyz</c>, <c>/version</c>, Prometheus metrics at <c>/metrics</c>,
/// 503 (not 500) when the audit store is unavailable, and the configuration file's host settings.
/// </summary>
internal static class Operations
{
    /// <summary>Registers the services; call before <c>Build</c>.</summary>
    public static void AddOperations(this WebApplicationBuilder builder, ServerSettings settings)
    {
        if (settings.ConfigFile is { } file)
        {
            // Below the command line (given host settings win), above appsettings.json and the environment.
            var sources = builder.Configuration.Sources;
            var at = sources.ToList().FindIndex(s => s is CommandLineConfigurationSource);
            var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = file, Optional = false, ReloadOnChange = false };
            json.ResolveFileProvider();
            sources.Insert(at < 0 ? sources.Count : at, json);
        }

        var services = builder.Services;
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<ReadinessProbe>();
        services.AddExceptionHandler<AuditUnavailableHandler>();
        // The audit store every endpoint uses, with its append latency measured.
        services.AddSingleton<IAuditStore>(sp => new MeteredAuditStore(sp.GetRequiredService<SqlAuditStore>(), sp.GetRequiredService<ServerMetrics>()));
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("fusionguide-server", serviceVersion: SoftwareVersion.Current, autoGenerateServiceInstanceId: false))
            .WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter(ServerMetrics.MeterName)
            .AddPrometheusExporter());
    }

    /// <summary>Maps <c>/readyz</c>, <c>/version</c> and <c>/metrics</c> and counts CDS Hooks answers.</summary>
    public static void UseOperations(this WebApplication app)
    {
        ServerMetrics.UseCdsOutcomes(app);
        app.MapGet("/readyz", Ready).WithTags("Operations")
            .WithSummary("Readiness: the knowledge base is loaded and the audit store is reachable and writable; 503 with the failing check otherwise.");
        app.MapGet("/version", Version).WithTags("Operations").WithSummary("The software, knowledge-base and contract versions being served.");
        // Prometheus text format. No patient data; behind a reverse proxy, keep it to the monitoring network (docs/deploy.md).
        app.MapPrometheusScrapingEndpoint("/metrics");
        // Resolved at start, so that the instruments exist (and the gauges report) before the first request.
        app.Services.GetRequiredService<ServerMetrics>();
    }

    private static async Task<IResult> Ready(ReadinessProbe probe, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await probe.CheckAsync(cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(result, OperationsJsonContext.Default.ReadinessDto,
            statusCode: result.Status == "ready" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<VersionDto> Version(FusionEngine engine)
    {
        var kb = engine.KnowledgeBase;
        return TypedResults.Json(new VersionDto(SoftwareVersion.Current, kb.Version, kb.ReleaseDate.Code(), Domain.Wire.ContractVersion.Current),
            OperationsJsonContext.Default.VersionDto);
    }
}
