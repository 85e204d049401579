using System.Net;
using System.Net.Sockets;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

/// <summary>
/// Issue #22 item 4: a client holding idle connections up to the server's connection limit gets further connections
/// refused (closed at once) — the server does not crash, and serves again as soon as they close.
/// </summary>
public sealed class ConnectionLimitTests
{
    private const int Limit = 40;

    [Fact]
    public async Task Idle_connections_up_to_the_limit_refuse_new_ones_and_the_server_serves_again_once_they_close()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RunningServer.StartAsync(null, $"--Kestrel:Limits:MaxConcurrentConnections={Limit}", "--FusionGuide:RateLimit:Enabled=false");
        var endpoint = new IPEndPoint(IPAddress.Loopback, server.BaseAddress.Port);
        var idle = new List<Socket>();
        try
        {
            // Each idle connection is served once before the next opens: a completed connect only means the kernel
            // queued it, and Kestrel counts connections as it dispatches them, possibly out of order — without this
            // the over-limit connection could be counted before an idle one, and the idle one refused instead.
            for (var i = 0; i < Limit; i++)
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await s.ConnectAsync(endpoint, ct);
                idle.Add(s);
                Assert.StartsWith("HTTP/1.1 200", await ServeHealthAsync(s, ct), StringComparison.Ordinal);
            }

            // Past the limit a connection is accepted by the kernel and closed by Kestrel without an answer.
            using (var client = NewClient(server.BaseAddress))
            {
                await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/healthz", ct));
            }

            // The idle connections are still the server's: one of them is served.
            Assert.StartsWith("HTTP/1.1 200", await ServeHealthAsync(idle[0], ct), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var s in idle)
            {
                s.Dispose();
            }
        }

        // Once they close, new connections are served again (Kestrel notices each close within moments).
        var served = false;
        for (var attempt = 0; attempt < 50 && !served; attempt++)
        {
            using var client = NewClient(server.BaseAddress);
            try
            {
                using var r = await client.GetAsync("/healthz", ct);
                served = r.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, ct);
            }
        }

        Assert.True(served, "the server did not serve again after the idle connections closed");
    }

    /// <summary>Sends <c>GET /healthz</c> on a kept-alive raw connection and reads the whole answer (fixed length or chunked).</summary>
    private static async Task<string> ServeHealthAsync(Socket socket, CancellationToken ct)
    {
        await socket.SendAsync("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray(), ct);
        var received = new System.Text.StringBuilder();
        var buffer = new byte[1024];
        while (!IsComplete(received.ToString()))
        {
            var n = await socket.ReceiveAsync(buffer, ct);
            if (n == 0)
            {
                break;
            }

            received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, n));
        }

        return received.ToString();
    }

    private static bool IsComplete(string response)
    {
        var headerEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return false;
        }

        var headers = response[..headerEnd];
        var lengthLine = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return lengthLine is not null
            ? response.Length - (headerEnd + 4) >= int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)
            : response.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
    }

    private static HttpClient NewClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
}
