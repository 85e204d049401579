using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FusionGuide.Server.Tests.Support;

/// <summary>The real server in memory, with a SQLite audit file of its own, a fixed clock and an optional API key.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string Key = "test-api-key-0123456789";
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDir dir = new("fg-api-");

    /// <summary>The key the server is configured with (null: none, the audit endpoints are closed).</summary>
    public string? ApiKey { get; init; } = Key;

    /// <summary>The CDS Hooks settings (region US, as the FHIR scenarios assume; no JWT key unless a test sets one).</summary>
    public CdsSettings Cds { get; init; } = new() { Region = Domain.Region.US };

    /// <summary>The configured public base URL (<c>--public-url</c>) the cards' report links are built from.</summary>
    public Uri? PublicUrl { get; init; } = new("https://fg.example/");

    /// <summary>Further settings (named keys, OIDC, …) applied over the ones above.</summary>
    public Func<ServerSettings, ServerSettings>? Configure { get; init; }

    /// <summary>A file in the factory's own temporary folder (removed with it).</summary>
    public string File(string name) => dir.File(name);

    public string DbPath => dir.File("audit.db");

    internal LogCapture Logs { get; } = new();

    /// <summary>The server's clock (starts at <see cref="Now"/>; a test may move it).</summary>
    internal FixedClock Clock { get; } = new(Now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(l => l.ClearProviders().AddProvider(Logs));
        builder.ConfigureTestServices(s =>
        {
            var settings = new ServerSettings { Audit = new AuditStoreOptions(DbPath, null), ApiKey = ApiKey, Cds = Cds, PublicUrl = PublicUrl };
            s.AddSingleton(Configure?.Invoke(settings) ?? settings);
            s.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            dir.Dispose();
        }
    }
}
