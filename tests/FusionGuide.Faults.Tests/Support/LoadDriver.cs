using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace FusionGuide.Faults.Tests.Support;

/// <summary>A response the server acknowledged (200 with <c>X-Audit-Record</c>): it must be in the audit store.</summary>
/// <param name="Id">The audit record id the server named.</param>
/// <param name="Sha">The case's SHA-256.</param>
/// <param name="ResultJson">The result the server must have recorded (the in-process engine's compact JSON).</param>
internal sealed record Ack(long Id, string Sha, string ResultJson);

/// <summary>
/// Concurrent loops posting the case pool to <c>POST /v1/recommend</c> until stopped. Every 200 is checked against the
/// in-process answer (JSON, or Markdown for every fifth request) and its audit id kept; any other status, a wrong
/// answer, or a failed request before <see cref="MarkKilled"/> is an error. Requests cut by the kill are counted apart.
/// </summary>
internal sealed class LoadDriver : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient client;
    private readonly IReadOnlyList<PooledCase> pool;
    private readonly CancellationTokenSource stop = new();
    private readonly Task[] loops;
    private long sent;
    private long cut;
    private volatile bool killed;

    private LoadDriver(Uri baseAddress, IReadOnlyList<PooledCase> pool, int concurrency, int offset)
    {
        this.pool = pool;
        client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        loops = [.. Enumerable.Range(0, concurrency).Select(n => Task.Run(() => LoopAsync(offset + n, concurrency)))];
    }

    public ConcurrentQueue<Ack> Acks { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public long Sent => Interlocked.Read(ref sent);

    /// <summary>Requests that failed (connection reset or refused) once the server was killed.</summary>
    public long Cut => Interlocked.Read(ref cut);

    public static LoadDriver Start(Uri baseAddress, IReadOnlyList<PooledCase> pool, int concurrency, int offset) =>
        new(baseAddress, pool, concurrency, offset);

    /// <summary>Says the server is about to be killed: failures from now on are expected, not errors.</summary>
    public void MarkKilled() => killed = true;

    /// <summary>Stops the loops and waits for them (each in-flight request ends by its answer, failure or timeout).</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(loops).WaitAsync(RequestTimeout + TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            try
            {
                await StopAsync();
            }
            catch (TimeoutException)
            {
            }
        }

        stop.Dispose();
        client.Dispose();
    }

    private async Task LoopAsync(int start, int step)
    {
        for (var n = start; !stop.IsCancellationRequested; n += step)
        {
            var c = pool[n % pool.Count];
            var markdown = n % 5 == 4;
            Interlocked.Increment(ref sent);
            if (!await PostAsync(c, markdown) && killed)
            {
                return; // the server is gone: no point spinning on refused connections
            }
        }
    }

    private async Task<bool> PostAsync(PooledCase c, bool markdown)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"v1/recommend?asOf={CasePool.AsOf}", UriKind.Relative));
            request.Content = new ByteArrayContent(c.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Accept.ParseAdd(markdown ? "text/markdown" : "application/json");
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Errors.Enqueue($"HTTP {(int)response.StatusCode} for case {c.Sha[..12]}: {Truncate(body)}");
                return true;
            }

            var id = response.Headers.TryGetValues("X-Audit-Record", out var ids) && long.TryParse(ids.Single(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
            var sha = response.Headers.TryGetValues("X-Case-Sha256", out var shas) ? shas.Single() : null;
            if (id is null)
            {
                Errors.Enqueue($"200 without an X-Audit-Record header for case {c.Sha[..12]}");
                return true;
            }

            // Acknowledged: whatever else is wrong, this record must be in the store.
            Acks.Enqueue(new Ack(id.Value, c.Sha, c.Json));
            if (sha != c.Sha)
            {
                Errors.Enqueue($"record {id}: X-Case-Sha256 {sha} for a case whose SHA-256 is {c.Sha}");
            }

            var expected = markdown ? c.Markdown : c.Json;
            if (!string.Equals(body, expected, StringComparison.Ordinal))
            {
                Errors.Enqueue($"record {id}: the {(markdown ? "Markdown" : "JSON")} answer differs from the in-process engine's for case {c.Sha[..12]} " +
                    $"(first difference at character {FirstDifference(body, expected)})");
            }

            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            if (killed)
            {
                Interlocked.Increment(ref cut);
            }
            else
            {
                Errors.Enqueue($"request failed while the server was up: {ex.GetType().Name}: {ex.Message}");
            }

            return false;
        }
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
