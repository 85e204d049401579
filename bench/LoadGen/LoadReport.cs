using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FusionGuide.LoadGen;

/// <summary>The figures of one run (measured requests only; the warm-up is left out).</summary>
internal sealed record LoadReport(
    double Rate, long Sent, long Ok, long Errors, IReadOnlyDictionary<string, long> Statuses, double Seconds, double AchievedRate,
    double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, double MaxSendLagMs)
{
    public static LoadReport From(LoadOptions options, ReadOnlySpan<Outcome> measured, long measuredStart, long maxLagMicros)
    {
        ArgumentNullException.ThrowIfNull(options);
        var statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new List<long>(measured.Length);
        long ok = 0;
        long lastFinished = measuredStart;
        foreach (var o in measured)
        {
            var key = o.Status == 0 ? o.Error ?? "error" : o.Status.ToString(CultureInfo.InvariantCulture);
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            lastFinished = Math.Max(lastFinished, o.Finished);
            if (o.Status == 200)
            {
                ok++;
                latencies.Add(o.Latency);
            }
        }

        latencies.Sort();
        var seconds = OpenLoop.Micros(lastFinished - measuredStart) / 1e6;
        return new LoadReport(options.Rate, measured.Length, ok, measured.Length - ok, statuses, Math.Round(seconds, 3),
            seconds > 0 ? Math.Round(ok / seconds, 1) : 0,
            Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99), Percentile(latencies, 0.999),
            latencies.Count == 0 ? 0 : Ms(latencies[^1]), Math.Round(maxLagMicros / 1000.0, 3));
    }

    /// <summary>The nearest-rank percentile of sorted latencies, in milliseconds.</summary>
    private static double Percentile(List<long> sorted, double p) =>
        sorted.Count == 0 ? 0 : Ms(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)]);

    private static double Ms(long ticks) => Math.Round(OpenLoop.Micros(ticks) / 1000.0, 3);

    /// <summary>The summary for people.</summary>
    public string Describe()
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"target {Rate} req/s; sent {Sent}, ok {Ok}, errors {Errors} ({string.Join(", ", Statuses.Select(kv => $"{kv.Key}: {kv.Value}"))})\n");
        s.Append(CultureInfo.InvariantCulture, $"achieved {AchievedRate} req/s over {Seconds} s; worst send lag {MaxSendLagMs} ms\n");
        s.Append(CultureInfo.InvariantCulture, $"latency from due time (ms): p50 {P50Ms}  p90 {P90Ms}  p99 {P99Ms}  p99.9 {P999Ms}  max {MaxMs}");
        return s.ToString();
    }

    /// <summary>One line of JSON, the last line of the output (for scripts).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("rate", Rate);
            w.WriteNumber("sent", Sent);
            w.WriteNumber("ok", Ok);
            w.WriteNumber("errors", Errors);
            w.WriteStartObject("statuses");
            foreach (var (status, count) in Statuses)
            {
                w.WriteNumber(status, count);
            }

            w.WriteEndObject();
            w.WriteNumber("seconds", Seconds);
            w.WriteNumber("achievedRate", AchievedRate);
            w.WriteNumber("p50Ms", P50Ms);
            w.WriteNumber("p90Ms", P90Ms);
            w.WriteNumber("p99Ms", P99Ms);
            w.WriteNumber("p999Ms", P999Ms);
            w.WriteNumber("maxMs", MaxMs);
            w.WriteNumber("maxSendLagMs", MaxSendLagMs);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
