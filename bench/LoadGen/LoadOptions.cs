using System.Globalization;

namespace FusionGuide.LoadGen;

/// <summary>What to send, where, how fast and for how long.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        fusionguide-loadgen — open-loop load for POST /v1/recommend: requests start at a fixed rate whatever the
        server does, and each latency is measured from the time the request was due to be sent (no coordinated
        omission: a stalled server shows up in the latencies, not as a lower send rate).

        Usage:
          fusionguide-loadgen --cases FILE.ndjson --rate R [--duration S | --count N] [--warmup S]
                              [--url URL] [--connections C] [--timeout S] [--acks FILE]

          --cases        one case per line (./fusionguide synth --n N --seed S); sent in turn, cycling
          --rate         requests per second (constant arrival rate)
          --duration     seconds to send for, after the warm-up (default 10)
          --count        send exactly N requests (after the warm-up) instead of --duration
          --warmup       seconds at the same rate before measuring (default 0; those requests are not in the figures)
          --url          default http://127.0.0.1:18080/v1/recommend
          --connections  most connections open at once (default 64); requests beyond them wait, and the wait counts
          --timeout      seconds before a request counts as an error (default 10)
          --acks FILE    writes one JSON line per acknowledged request (HTTP 200), warm-up included, in send order:
                         {"i":N,"auditId":ID,"caseSha256":"…","latencyUs":US}. The file is written when the run ends
                         (also on Ctrl-C or SIGTERM, which stop sending and wait for the requests in flight).

        Prints a summary, then one JSON line: rate, sent, ok, errors, statuses, achieved rate, p50/p90/p99/p99.9/max
        in milliseconds, and the worst lag of a send behind its due time (the load generator's own health).
        """;

    public Uri Url { get; init; } = new("http://127.0.0.1:18080/v1/recommend");

    public string CasesPath { get; init; } = "";

    public double Rate { get; init; }

    public double DurationSeconds { get; init; } = 10;

    public long? Count { get; init; }

    public double WarmupSeconds { get; init; }

    public int Connections { get; init; } = 64;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public string? AcksPath { get; init; }

    /// <summary>Requests sent before measuring.</summary>
    public long WarmupRequests => (long)Math.Round(Rate * WarmupSeconds);

    /// <summary>Requests measured.</summary>
    public long MeasuredRequests => Count ?? (long)Math.Round(Rate * DurationSeconds);

    public static bool TryParse(IReadOnlyList<string> args, out LoadOptions options, out string? problem)
    {
        options = new LoadOptions();
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                problem = $"{name} needs a value";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var url):
                    options = options with { Url = url };
                    break;
                case "--cases":
                    options = options with { CasesPath = value };
                    break;
                case "--rate" when Positive(value, out var rate):
                    options = options with { Rate = rate };
                    break;
                case "--duration" when Positive(value, out var seconds):
                    options = options with { DurationSeconds = seconds };
                    break;
                case "--count" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0:
                    options = options with { Count = count };
                    break;
                case "--warmup" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var warmup) && warmup >= 0:
                    options = options with { WarmupSeconds = warmup };
                    break;
                case "--connections" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var connections) && connections > 0:
                    options = options with { Connections = connections };
                    break;
                case "--timeout" when Positive(value, out var timeout):
                    options = options with { Timeout = TimeSpan.FromSeconds(timeout) };
                    break;
                case "--acks":
                    options = options with { AcksPath = value };
                    break;
                default:
                    problem = $"unknown option or bad value: {name} {value}";
                    return false;
            }
        }

        problem = options.CasesPath.Length == 0 ? "--cases is required"
            : options.Rate <= 0 ? "--rate is required (requests per second, > 0)"
            : null;
        return problem is null;
    }

    private static bool Positive(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value);
}
