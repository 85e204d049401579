using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using FusionGuide.Cohort.Batch;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Cohort.Bench;

/// <summary>One step of a cold start, timed the first time a process runs it and at its best when warm.</summary>
/// <param name="Step">What was timed.</param>
/// <param name="FirstMs">Wall-clock milliseconds the first time in this process (types initialised, code paged in).</param>
/// <param name="FirstCpuMs">Process CPU milliseconds of that first time (every thread, the GC's included).</param>
/// <param name="WarmMs">Best wall-clock milliseconds of the warm repeats.</param>
/// <param name="FirstAllocatedMb">Megabytes this thread allocated the first time (fresh heap the GC clears and the kernel maps: a start's largest cost after the runtime's own).</param>
public sealed record ColdStartStep(string Step, double FirstMs, double FirstCpuMs, double WarmMs, double FirstAllocatedMb);

/// <summary>
/// Cold start inside the process: the embedded knowledge base loaded (its runtime image read and compiled, as a start
/// does: <see cref="KnowledgeImage"/>), the engine built, and
/// one case read, evaluated and serialised — each step timed the first time this process runs it, then repeated warm
/// so what the first time costs beyond the work itself shows. Meaningful only as the first thing a process does
/// (<c>fusionguide bench --cold-start</c>); <c>bench/cold-start.sh</c> measures the whole process from outside.
/// </summary>
public static class ColdStartBench
{
    /// <summary>Runs the steps once cold, then <paramref name="warmRepeats"/> times each, and returns their figures.</summary>
    public static IReadOnlyList<ColdStartStep> Run(int warmRepeats = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(warmRepeats, 1);
        var (firstLoad, firstLoadCpu, loadMb, kb) = Time(KnowledgeLoader.LoadEmbeddedImage);
        var (firstEngine, firstEngineCpu, engineMb, engine) = Time(() => new FusionEngine(kb));

        // The case is drawn from the loaded base before the case step is timed (case 0 of seed 1, as bench's first).
        var input = JsonSerializer.SerializeToUtf8Bytes(new CaseSynthesizer(kb, 1).Make(0), ContractJson.Compact.Case);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var (firstCase, firstCaseCpu, caseMb, _) = Time(() => Evaluate(engine, input, buffer));

        double warmLoad = double.MaxValue, warmEngine = double.MaxValue, warmCase = double.MaxValue;
        // Each warm repeat starts from a collected heap: otherwise whether a repeat pays for a collection of the
        // previous repeats' garbage depends on the GC's history, which moved the warm load by 15-25 ms between builds.
        for (var i = 0; i < warmRepeats; i++)
        {
            GC.Collect();
            warmLoad = Math.Min(warmLoad, Time(KnowledgeLoader.LoadEmbeddedImage).Ms);
            GC.Collect();
            warmEngine = Math.Min(warmEngine, Time(() => new FusionEngine(kb)).Ms);
            GC.Collect();
            warmCase = Math.Min(warmCase, Time(() => Evaluate(engine, input, buffer)).Ms);
        }

        return
        [
            new("load the embedded knowledge base", firstLoad, firstLoadCpu, warmLoad, loadMb),
            new("build the engine", firstEngine, firstEngineCpu, warmEngine, engineMb),
            new("read, evaluate and serialise one case", firstCase, firstCaseCpu, warmCase, caseMb),
        ];
    }

    private static int Evaluate(FusionEngine engine, byte[] input, ArrayBufferWriter<byte> buffer)
    {
        var read = CaseReader.Read(input);
        var result = engine.Evaluate(read.Case!, null, read.Notices);
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer, ResultWriter.WriterOptions);
        JsonSerializer.Serialize(writer, result, ContractJson.Compact.Result);
        return buffer.WrittenCount;
    }

    private static (double Ms, double CpuMs, double AllocatedMb, T Value) Time<T>(Func<T> step)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var value = step();
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return (ms, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0, value);
    }
}
