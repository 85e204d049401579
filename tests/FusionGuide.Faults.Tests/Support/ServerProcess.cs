using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FusionGuide.Faults.Tests.Support;

/// <summary>
/// The real server as a child process: <c>dotnet fusionguide-server.dll serve</c> from the build output beside the
/// tests, on a free 127.0.0.1 port. The <c>dotnet</c> host runs the server in its own process (no shell, no wrapper),
/// so <see cref="KillAsync"/> sends SIGKILL to the server itself. Disposing kills it if it still runs.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process process;
    private readonly ConcurrentQueue<string> output;

    private ServerProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>The built server, copied beside the test assembly with its runtimeconfig and deps files.</summary>
    public static string ServerDll { get; } = Path.Combine(AppContext.BaseDirectory, "fusionguide-server.dll");

    public Uri BaseAddress { get; }

    public int Pid => process.Id;

    /// <summary>The server's last lines of output (for failure messages).</summary>
    public string Output => string.Join('\n', output);

    /// <summary>Starts <c>serve</c> with the given audit store arguments and waits until <c>/healthz</c> answers.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyList<string> storeArgs, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            var lines = new ConcurrentQueue<string>();
            var process = Launch(["serve", "--urls", baseAddress.ToString().TrimEnd('/'), .. storeArgs,
                "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Warning",
                // One client at full speed on purpose: these tests are about durability, not the per-client rate limit.
                "--FusionGuide:RateLimit:Enabled=false"], lines);
            var server = new ServerProcess(process, lines, baseAddress);
            try
            {
                if (await server.WaitHealthyAsync(cancellationToken))
                {
                    return server;
                }
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }

            await server.DisposeAsync();
            // Another process took the port between FreePort and the bind: try another, a few times.
            if (attempt >= 3 || !server.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"the server exited before it answered (exit {process.ExitCode}):\n{server.Output}");
            }
        }
    }

    /// <summary>Runs <c>fusionguide-server</c> with <paramref name="args"/> to completion (e.g. <c>audit verify</c>).</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = StartInfo(args);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGKILL (Process.Kill on Linux); returns the exit code the OS reports (137 = 128 + SIGKILL).</summary>
    public async Task<int> KillAsync()
    {
        process.Kill(entireProcessTree: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task<bool> WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                return false;
            }

            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"the server did not answer /healthz within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private static Process Launch(IReadOnlyList<string> args, ConcurrentQueue<string> lines)
    {
        var process = new Process { StartInfo = StartInfo(args) };
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lines.Enqueue(e.Data);
            while (lines.Count > 200 && lines.TryDequeue(out string? _))
            {
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> args)
    {
        if (!File.Exists(ServerDll))
        {
            throw new InvalidOperationException($"the server is not built beside the tests: {ServerDll}");
        }

        // The dotnet host that runs these tests when the SDK says which; else the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(ServerDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("FUSIONGUIDE_API_KEY");
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
