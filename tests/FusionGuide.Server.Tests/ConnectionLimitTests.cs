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
            for (var i = 0; i < Limit; i++)
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await s.ConnectAsync(endpoint, ct);
                idle.Add(s);
            }

            // Past the limit a connection is accepted by the kernel and closed by Kestrel without an answer.
            using (var client = NewClient(server.BaseAddress))
            {
                await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/healthz", ct));
            }

            // The idle connections are still the server's: one of them is served.
            await idle[0].SendAsync("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray(), ct);
            var buffer = new byte[256];
            var n = await idle[0].ReceiveAsync(buffer, ct);
            Assert.StartsWith("HTTP/1.1 200", System.Text.Encoding.ASCII.GetString(buffer, 0, n), StringComparison.Ordinal);
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

    private static HttpClient NewClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
}
