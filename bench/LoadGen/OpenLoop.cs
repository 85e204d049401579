using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace FusionGuide.LoadGen;

/// <summary>
/// Sends request <c>i</c> at <c>start + i / rate</c> from one scheduling thread, whatever the responses do, and
/// measures each latency from that due time to the last byte of the response.
/// </summary>
internal static class OpenLoop
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Runs the load and returns the figures; writes acknowledged requests to <paramref name="acks"/> when given.</summary>
    public static async Task<LoadReport> RunAsync(LoadOptions options, IReadOnlyList<byte[]> cases, TextWriter? acks, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cases);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var client = new HttpClient(handler) { Timeout = options.Timeout };
        var warmup = options.WarmupRequests;
        var total = warmup + options.MeasuredRequests;
        var outcomes = new Outcome[total];
        var sends = new List<Task>((int)Math.Min(total, 1 << 20));
        var ticksPerRequest = Stopwatch.Frequency / options.Rate;
        long maxLag = 0;
        long sent = 0;
        var start = Stopwatch.GetTimestamp();

        // One dedicated thread keeps the schedule: it only sleeps and starts requests (their I/O runs on the pool).
        var scheduler = new Thread(() =>
        {
            for (long i = 0; i < total && !stop.IsCancellationRequested; i++)
            {
                var due = start + (long)(i * ticksPerRequest);
                PreciseClock.SleepUntil(due);
                maxLag = Math.Max(maxLag, Stopwatch.GetTimestamp() - due);
                sends.Add(SendAsync(client, options.Url, cases[(int)(i % cases.Count)], due, outcomes, i));
                sent = i + 1;
            }
        }) { IsBackground = true, Name = "loadgen scheduler" };
        scheduler.Start();
        await Task.Run(scheduler.Join, CancellationToken.None).ConfigureAwait(false);
        await Task.WhenAll(sends).ConfigureAwait(false);

        if (acks is not null)
        {
            for (var i = 0; i < sent; i++)
            {
                ref var o = ref outcomes[i];
                if (o.Status == 200)
                {
                    await acks.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $$"""{"i":{{i}},"auditId":{{(o.AuditId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "null")}},"caseSha256":"{{o.CaseSha256}}","latencyUs":{{Micros(o.Latency)}}}""")).ConfigureAwait(false);
                }
            }

            await acks.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var measuredStart = start + (long)(warmup * ticksPerRequest);
        return LoadReport.From(options, outcomes.AsSpan((int)Math.Min(warmup, sent), (int)Math.Max(0, sent - warmup)), measuredStart, Micros(maxLag));
    }

    private static async Task SendAsync(HttpClient client, Uri url, byte[] body, long due, Outcome[] outcomes, long i)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        try
        {
            // The request is not cancelled on stop: what was sent is seen through to its answer (or the timeout).
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None).ConfigureAwait(false);
            await response.Content.CopyToAsync(Stream.Null).ConfigureAwait(false);
            outcomes[i].Status = (int)response.StatusCode;
            outcomes[i].AuditId = response.Headers.TryGetValues("X-Audit-Record", out var ids)
                && long.TryParse(ids.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
            outcomes[i].CaseSha256 = response.Headers.TryGetValues("X-Case-Sha256", out var shas) ? shas.FirstOrDefault() : null;
        }
#pragma warning disable CA1031 // Any failure of one request is that request's outcome, counted as an error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcomes[i].Status = 0;
            outcomes[i].Error = ex is TaskCanceledException ? "timeout" : ex.GetType().Name;
        }

        outcomes[i].Finished = Stopwatch.GetTimestamp();
        outcomes[i].Latency = outcomes[i].Finished - due;
    }

    internal static long Micros(long ticks) => (long)(ticks * (1_000_000.0 / Stopwatch.Frequency));
}

/// <summary>What became of one request. <see cref="Status"/> is 0 for a transport error or timeout.</summary>
internal struct Outcome
{
    public int Status;
    public long Latency;
    public long Finished;
    public long? AuditId;
    public string? CaseSha256;
    public string? Error;
}
