using System.Globalization;
using System.Text.RegularExpressions;

namespace FusionGuide.Cli.Tests;

/// <summary><c>bench</c> prints the engine's and the floor's throughput and their ratio; the figures themselves are not asserted.</summary>
public sealed partial class BenchCommandTests
{
    [Fact]
    public void Bench_over_more_than_one_chunk_prints_engine_floor_allocation_collections_and_a_ratio()
    {
        // 2,500 cases: one full 2,000-case chunk and one partial, so every chunk boundary is crossed.
        var (code, stdout, stderr) = Cli.Run("bench", "--n", "2500", "--passes", "1");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.StartsWith("bench: 2500 synthetic cases (seed 1)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n  engine +\d+ cases/s", stdout);
        Assert.Matches(@"\n  JSON floor +\d+ cases/s", stdout);
        Assert.Matches(@"\n  allocated +read", stdout);
        Assert.Matches(@"\n  collections +[\d.]+ per 1,000 cases", stdout);
        var ratio = double.Parse(Ratio().Match(stdout).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(ratio, 0.01, 1000);
    }

    [Fact]
    public void Bench_cold_start_prints_each_step_first_with_its_allocation_and_warm_and_a_total()
    {
        var (code, stdout, stderr) = Cli.Run("bench", "--cold-start");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.StartsWith("bench --cold-start:", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n  load the embedded knowledge base +first +[\d.]+ ms \(CPU +[\d.]+ ms, +[\d.]+ MB allocated\) +warm +[\d.]+ ms", stdout);
        Assert.Matches(@"\n  build the engine +first", stdout);
        Assert.Matches(@"\n  read, evaluate and serialise one case +first", stdout);
        Assert.Matches(@"\n  total +first", stdout);
    }

    [Fact]
    public void Bench_with_a_positional_argument_is_a_usage_error()
    {
        var (code, stdout, _) = Cli.Run("bench", "extra");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
    }

    [GeneratedRegex(@"\n  ratio +([\d.]+)× the floor")]
    private static partial Regex Ratio();
}
