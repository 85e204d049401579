using FusionGuide.Server.Audit;
using FusionGuide.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FusionGuide.Server.Tests.Support;

/// <summary>The real server on Kestrel, bound to 127.0.0.1 on a free port, with its own SQLite audit file.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly TempDir dir;
    private readonly WebApplication app;

    private RunningServer(TempDir dir, WebApplication app) => (this.dir, this.app) = (dir, app);

    public Uri BaseAddress => new(app.Urls.Single());

    /// <summary>The audit store the server writes to.</summary>
    public IAuditStore Audit => app.Services.GetRequiredService<IAuditStore>();

    /// <summary>Starts the server; <paramref name="hostArgs"/> are extra host settings (<c>--FusionGuide:RateLimit:Burst=5</c>).</summary>
    public static async Task<RunningServer> StartAsync(Func<ServerSettings, ServerSettings>? configure = null, params string[] hostArgs)
    {
        var dir = new TempDir("fg-kestrel-");
        var settings = new ServerSettings { Audit = new AuditStoreOptions(dir.File("audit.db"), null) };
        settings = configure?.Invoke(settings) ?? settings;
        // Port 0: Kestrel picks a free port, and app.Urls reports it once started.
        var app = ServerApp.Create(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. hostArgs], settings);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningServer(dir, app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Dispose();
    }
}
