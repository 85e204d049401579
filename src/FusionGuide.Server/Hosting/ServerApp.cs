using FusionGuide.Engine;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Rendering;
using FusionGuide.Server.Api;
using FusionGuide.Server.Operations;

namespace FusionGuide.Server.Hosting;

/// <summary>Builds the web application: services, the pipeline and every endpoint group.</summary>
public static class ServerApp
{
    /// <summary>Creates the application. <paramref name="hostArgs"/> are ASP.NET Core host settings (<c>--urls=…</c>).</summary>
    public static WebApplication Create(string[] hostArgs, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // No configuration reload: the server has no settings file to watch, and the watcher (recursive over the content
        // root, where the default audit database lives) woke up on every audit write. Given first, host arguments win.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. hostArgs],
            ApplicationName = typeof(ServerApp).Assembly.GetName().Name,
        });
        // Framework chatter at Warning, the hosting request lines too: they write the raw path, and a report link's path
        // is its credential. RequestLine writes each request instead (method, URL with such a token redacted, status —
        // never a body). Defaults only: any host setting (--Logging:LogLevel:FusionGuide.Server.Requests=Warning) overrides them.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Microsoft.AspNetCore"] = nameof(LogLevel.Warning),
                ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = nameof(LogLevel.Warning),
            },
        });
        // Connection limits: past the limit new connections are refused (closed at once) instead of exhausting file
        // descriptors; idle keep-alive connections and slow header senders are cut off. Configuration overrides each
        // (--Kestrel:Limits:MaxConcurrentConnections=…, or Kestrel__Limits__… in the environment): Kestrel itself
        // reads only endpoints from its section, so the limits are bound here.
        builder.WebHost.ConfigureKestrel((context, k) =>
        {
            k.Limits.MaxConcurrentConnections = 1_000;
            k.Limits.MaxConcurrentUpgradedConnections = 100;
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(30);
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            k.Limits.MaxRequestHeaderCount = 64;
            context.Configuration.GetSection("Kestrel:Limits").Bind(k.Limits);
        });
        var services = builder.Services;
        services.AddSingleton(settings);
        var rateLimit = ClientRateLimit.FromConfiguration(builder.Configuration);
        services.AddSingleton(rateLimit);
        rateLimit.AddTo(services);
        services.AddSingleton(TimeProvider.System);
        // The knowledge base is loaded and checked before the first request, so a broken one stops the server at start
        // (a --knowledge folder was validated in full before the application was built).
        services.AddSingleton(sp => new FusionEngine(sp.GetRequiredService<ServerSettings>().Knowledge ?? KnowledgeLoader.Embedded));
        services.AddSingleton(sp => References(sp.GetRequiredService<FusionEngine>().KnowledgeBase));
        services.AddSingleton(sp =>
        {
            var s = sp.GetRequiredService<ServerSettings>();
            return s.Audit.Open(s.Checkpoints.Schema);
        });
        builder.AddOperations(settings);
        // Before the web server: the store is checked against its checkpoints (and prepared) before any request.
        services.AddSingleton<AuditCheckpointService>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditCheckpointService>());
        services.AddHostedService<AuditPartitionService>();   // PostgreSQL: month partitions created ahead
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddSecuritySchemes());
        services.AddCdsHooks();
        services.AddOidcBearer();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default));

        if (settings.TrustedProxies.Count > 0)
        {
            services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                    | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto
                    | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost;
                // Only the named proxies: the defaults (loopback) are replaced, not extended.
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var network in settings.TrustedProxies)
                {
                    o.KnownIPNetworks.Add(network);
                }
            });
        }

        var app = builder.Build();
        if (settings.TrustedProxies.Count > 0)
        {
            app.UseConnectedPeer();
            app.UseForwardedHostNote(settings.TrustedProxies);
            // First, so that everything after it (JWT audience, links, request log) sees the original scheme and host.
            app.UseForwardedHeaders();
        }

        // After the forwarded headers, so that the line names the original scheme and host.
        app.UseRequestLine();

        // Explicitly and after the forwarded headers: left implicit, WebApplication puts authentication at the very start
        // of the pipeline (the JWT scheme is the only one, hence the default), and the result it caches for the request
        // would have been computed from the proxy's host and scheme.
        app.UseAuthentication();
        if (rateLimit.Enabled)
        {
            // After authentication and the forwarded headers: a client is known by its API key, JWT subject or address.
            app.UseRateLimiter();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePageHeaders();
        app.UseCors();
        app.MapOpenApi();
        app.MapWebPage();
        app.MapRecommendEndpoints();
        app.MapKnowledgeEndpoints();
        app.MapAuditEndpoints();
        app.MapCdsHooksEndpoints();
        app.UseOperations();
        var engine = app.Services.GetRequiredService<FusionEngine>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // Read from the container, not the arguments: what the running server really uses.
            var running = app.Services.GetRequiredService<ServerSettings>();
            var store = running.Audit.Describe();
            var access = running.ApiKey is null && running.ApiKeys is null && running.Oidc is null ? "closed (no auditor configured)" : "open to auditors";
            var knowledge = running.KnowledgeDirectory is { } dir ? $"{engine.KnowledgeBase.Version} (from {dir})" : $"{engine.KnowledgeBase.Version} (embedded)";
            RequestLog.Started(app.Logger, knowledge, store, access);
            // Said at start, not only in the docs: a deployment that followed the first steps literally serves patient
            // plans to the whole network (probe S22D).
            if (!running.CallerRequired)
            {
                RequestLog.OpenToAnyone(app.Logger, "/v1/recommend (and the web page, which calls it)", "give --api-keys, --oidc-authority or --proxy-user-header to require a caller");
            }

            if (running.Cds.JwtKeys is null)
            {
                RequestLog.OpenToAnyone(app.Logger, "the CDS Hooks services", "give --cds-jwt-key to require the EHR's signed JWT");
            }
        });
        return app;
    }

    /// <summary>The knowledge base's reference list in the renderer's form (as the CLI builds it).</summary>
    public static ReferenceList References(KnowledgeBase kb)
    {
        return KnowledgeReferences.From(kb);
    }
}
