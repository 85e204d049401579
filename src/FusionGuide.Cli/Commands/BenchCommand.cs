using System.Globalization;
using FusionGuide.Cohort.Bench;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Cli.Commands;

/// <summary>
/// <c>bench [--n N] [--seed S] [--passes P]</c>: engine throughput against the System.Text.Json floor, in one process;
/// <c>bench --cold-start</c>: the steps of a cold start, first in this process and warm.
/// </summary>
internal static class BenchCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = ParsedArguments.Parse(args, CommandTable.Bench);
        if (a.Positional.Count > 0)
        {
            a.Usage($"bench takes no positional argument ('{a.Positional[0]}')");
        }

        var n = (int)a.Long("--n", 20_000, 1, 10_000_000);
        var seed = a.ULong("--seed", 1);
        var passes = (int)a.Long("--passes", 5, 1, 100);
        if (a.Problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, a.Problems);
        }

        if (a.Has("--cold-start"))
        {
            return ColdStart(stdout);
        }

        var engine = new FusionEngine(KnowledgeLoader.Embedded);
        var f = ThroughputBench.Run(engine, n, seed, passes);
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c, $"bench: {f.Cases} synthetic cases (seed {seed}), one thread, engine and floor passes alternating, best of {passes} per 2,000-case chunk, process CPU time"));
        stdout.WriteLine(string.Create(c, $"  mean case   {f.InputBytes,10:0} bytes   mean result {f.OutputBytes:0} bytes"));
        stdout.WriteLine(string.Create(c, $"  engine      {f.EngineCasesPerSecond,10:0} cases/s  ({1e6 / f.EngineCasesPerSecond:0.0} µs/case: read+validate {f.ParseShare:P0}, evaluate {f.EvaluateShare:P0}, serialise {f.SerializeShare:P0})"));
        stdout.WriteLine(string.Create(c, $"  JSON floor  {f.FloorCasesPerSecond,10:0} cases/s  ({1e6 / f.FloorCasesPerSecond:0.0} µs/case: System.Text.Json parse of the case + write of a same-size result)"));
        stdout.WriteLine(string.Create(c, $"  allocated   read {f.ReadAllocated / 1024,6:0.0} KB/case, evaluate {f.EvaluateAllocated / 1024:0.0} KB/case; floor {f.FloorAllocated / 1024:0.0} KB/case"));
        stdout.WriteLine(string.Create(c, $"  collections {f.EngineCollections,6:0.0} per 1,000 cases on the engine path, paused {f.EngineGcPauseShare:P1} of its time"));
        stdout.WriteLine(string.Create(c, $"  ratio       {f.Ratio,10:0.00}× the floor (target ≤ 2.00×)"));
        return ExitCodes.Ok;
    }

    // Must run before anything in this process loads the knowledge base: the first step is the cold one.
    private static int ColdStart(TextWriter stdout)
    {
        var steps = ColdStartBench.Run();
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine("bench --cold-start: each step the first time in this process, then the best of 5 warm repeats (wall clock; CPU = process CPU time)");
        foreach (var s in steps)
        {
            stdout.WriteLine(string.Create(c, $"  {s.Step,-40} first {s.FirstMs,7:0.0} ms (CPU {s.FirstCpuMs,6:0.0} ms, {s.FirstAllocatedMb,5:0.0} MB allocated)   warm {s.WarmMs,7:0.00} ms"));
        }

        stdout.WriteLine(string.Create(c, $"  {"total",-40} first {steps.Sum(s => s.FirstMs),7:0.0} ms (CPU {steps.Sum(s => s.FirstCpuMs),6:0.0} ms, {steps.Sum(s => s.FirstAllocatedMb),5:0.0} MB allocated)   warm {steps.Sum(s => s.WarmMs),7:0.00} ms"));
        return ExitCodes.Ok;
    }
}
