using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FusionGuide.Testing;

/// <summary>
/// A private PostgreSQL cluster for one test class: initdb into a temporary directory, started on a free loopback
/// port, stopped and deleted at the end. As root it runs the server as the <c>postgres</c> OS user (PostgreSQL
/// refuses to run as root).
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string Superuser = "fusionguide";
    private string? dataDir;
    private string? bin;
    private bool stopped;

    public string ConnectionString { get; private set; } = "";

    /// <summary>False when PostgreSQL is not installed (the tests then fail in CI and skip locally).</summary>
    public bool Available => bin is not null;

    public async ValueTask InitializeAsync()
    {
        bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            return;
        }

        dataDir = Directory.CreateTempSubdirectory("fg-pg-").FullName;
        if (Environment.UserName == "root")
        {
            await Run("chown", "-R", "postgres:postgres", dataDir);
        }

        var port = FreePort();
        await RunAsOwner(Path.Combine(bin, "initdb"), "-D", Path.Combine(dataDir, "data"), "-U", Superuser, "-A", "trust", "--no-sync", "-E", "UTF8", "--no-instructions");
        await RunAsOwner(Path.Combine(bin, "pg_ctl"), "start", "-w", "-t", "60", "-D", Path.Combine(dataDir, "data"), "-l", Path.Combine(dataDir, "server.log"),
            "-o", $"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username={Superuser};Database=postgres;Pooling=true;Maximum Pool Size=10";
    }

    /// <summary>Stops the PostgreSQL server (fast shutdown: open sessions are cut), as when the database goes away.</summary>
    public async Task StopAsync()
    {
        if (bin is not null && dataDir is not null && !stopped)
        {
            await RunAsOwner(Path.Combine(bin, "pg_ctl"), "stop", "-w", "-m", "fast", "-D", Path.Combine(dataDir, "data"));
            stopped = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (bin is not null && dataDir is not null)
        {
            await StopAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsOwner(string program, params string[] args) => Environment.UserName == "root"
        ? Run("runuser", ["-u", "postgres", "--", program, .. args])
        : Run(program, args);

    private static async Task Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
