using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using FusionGuide.Cohort.Batch;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;

namespace FusionGuide.Cohort.Bench;

/// <summary>Figures of one in-process throughput measurement (single thread).</summary>
/// <param name="Cases">Cases per pass.</param>
/// <param name="InputBytes">Mean case size in bytes.</param>
/// <param name="OutputBytes">Mean result size in bytes (compact JSON).</param>
/// <param name="EngineCasesPerSecond">Read and validate + evaluate + serialise, cases per second.</param>
/// <param name="FloorCasesPerSecond">System.Text.Json alone: deserialise the case + serialise a result of the same size.</param>
/// <param name="ParseShare">Share of the engine path spent reading and validating the case.</param>
/// <param name="EvaluateShare">Share spent evaluating.</param>
/// <param name="SerializeShare">Share spent serialising the result.</param>
/// <param name="ReadAllocated">Bytes allocated per case by reading and validating (the GC's work grows with these).</param>
/// <param name="EvaluateAllocated">Bytes allocated per case by evaluating.</param>
/// <param name="FloorAllocated">Bytes allocated per case by the floor.</param>
/// <param name="EngineCollections">Garbage collections (all generations) per 1,000 cases on the engine path.</param>
/// <param name="EngineGcPauseShare">Share of the engine path's time the runtime was paused for garbage collection.</param>
public sealed record BenchFigures(int Cases, double InputBytes, double OutputBytes, double EngineCasesPerSecond, double FloorCasesPerSecond,
    double ParseShare, double EvaluateShare, double SerializeShare, double ReadAllocated, double EvaluateAllocated, double FloorAllocated,
    double EngineCollections, double EngineGcPauseShare)
{
    /// <summary>How many times slower the engine path is than the floor.</summary>
    public double Ratio => FloorCasesPerSecond / EngineCasesPerSecond;
}

/// <summary>
/// Measures, in one process and on the same synthetic mix, the engine path against the floor that System.Text.Json
/// alone sets: parsing each case and writing a result of the same size. Timed in process CPU time (wall-clock time on
/// a shared machine would count other processes' turns).
/// </summary>
/// <remarks>
/// The cases are measured in chunks, and within a chunk engine and floor passes alternate; each chunk keeps its best
/// engine pass and its best floor pass. On a shared host the speed of the cores drifts over seconds (other tenants'
/// load on caches and memory): alternating at a fraction of a second exposes both paths to the same drift, where
/// measuring one path after the other let the drift decide the ratio. Only one chunk's results are held for the floor
/// at a time, so the engine runs on a small heap as the batch and the server do.
/// </remarks>
public static class ThroughputBench
{
    /// <summary>Cases per chunk: enough for a pass of tens of milliseconds, few enough that their results stay small.</summary>
    private const int ChunkSize = 2_000;

    /// <summary>Runs the measurement.</summary>
    public static BenchFigures Run(FusionEngine engine, int n, ulong seed, int passes = 5)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var synth = new CaseSynthesizer(engine.KnowledgeBase, seed);
        var inputs = new byte[n][];
        long inBytes = 0;
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(buffer, ResultWriter.WriterOptions);
        for (var i = 0; i < n; i++)
        {
            inputs[i] = JsonSerializer.SerializeToUtf8Bytes(synth.Make(i), ContractJson.Compact.Case);
            inBytes += inputs[i].Length;
        }

        // Warm-up: every path once over the whole mix, so no chunk pays for first calls.
        EnginePass(engine, inputs, buffer, writer, timed: false);
        double engineTotal = 0, floorTotal = 0, lastPassSeconds = 0;
        long collections = 0;
        var paused = TimeSpan.Zero;
        long outBytes = 0, floorBytes = 0;
        (double P, double E, double S, long ReadBytes, long EvaluateBytes) split = default;
        for (var from = 0; from < n; from += ChunkSize)
        {
            var chunk = inputs[from..Math.Min(n, from + ChunkSize)];
            var results = new Result[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                var read = CaseReader.Read(chunk[i]);
                results[i] = engine.Evaluate(read.Case!, null, read.Notices);
                buffer.ResetWrittenCount();
                writer.Reset();
                JsonSerializer.Serialize(writer, results[i], ContractJson.Compact.Result);
                outBytes += writer.BytesCommitted;
            }

            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            double bestEngine = double.MaxValue, bestFloor = double.MaxValue;
            for (var pass = 0; pass < passes; pass++)
            {
                var last = pass == passes - 1;
                var (gcs, pause) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
                var (total, p, e, s, readBytes, evaluateBytes) = EnginePass(engine, chunk, buffer, writer, timed: last);
                if (last)
                {
                    // A gen-0 count includes the gen-1 and gen-2 collections (each collects gen 0 too).
                    collections += GC.CollectionCount(0) - gcs;
                    paused += GC.GetTotalPauseDuration() - pause;
                    lastPassSeconds += total;
                    split = (split.P + p, split.E + e, split.S + s, split.ReadBytes + readBytes, split.EvaluateBytes + evaluateBytes);
                }

                bestEngine = Math.Min(bestEngine, total);
                var before = GC.GetAllocatedBytesForCurrentThread();
                bestFloor = Math.Min(bestFloor, FloorPass(chunk, results, buffer, writer));
                if (last)
                {
                    floorBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }

            engineTotal += bestEngine;
            floorTotal += bestFloor;
        }

        var parts = split.P + split.E + split.S;
        return new BenchFigures(n, (double)inBytes / n, (double)outBytes / n, n / engineTotal, n / floorTotal,
            split.P / parts, split.E / parts, split.S / parts, (double)split.ReadBytes / n, (double)split.EvaluateBytes / n, (double)floorBytes / n,
            collections * 1000.0 / n, paused.TotalSeconds / lastPassSeconds);
    }

    private static (double Total, double Parse, double Evaluate, double Serialize, long ReadBytes, long EvaluateBytes) EnginePass(
        FusionEngine engine, byte[][] inputs, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, bool timed)
    {
        long parse = 0, evaluate = 0, serialize = 0, readBytes = 0, evaluateBytes = 0;
        var cpu = CpuSeconds();
        foreach (var input in inputs)
        {
            var a0 = timed ? GC.GetAllocatedBytesForCurrentThread() : 0;
            var t0 = timed ? Stopwatch.GetTimestamp() : 0;
            var read = CaseReader.Read(input);
            var t1 = timed ? Stopwatch.GetTimestamp() : 0;
            var a1 = timed ? GC.GetAllocatedBytesForCurrentThread() : 0;
            var result = engine.Evaluate(read.Case!, null, read.Notices);
            var t2 = timed ? Stopwatch.GetTimestamp() : 0;
            var a2 = timed ? GC.GetAllocatedBytesForCurrentThread() : 0;
            buffer.ResetWrittenCount();
            writer.Reset();
            JsonSerializer.Serialize(writer, result, ContractJson.Compact.Result);
            if (timed)
            {
                var t3 = Stopwatch.GetTimestamp();
                parse += t1 - t0;
                evaluate += t2 - t1;
                serialize += t3 - t2;
                readBytes += a1 - a0;
                evaluateBytes += a2 - a1;
            }
        }

        return (CpuSeconds() - cpu, parse, evaluate, serialize, readBytes, evaluateBytes);
    }

    private static double FloorPass(byte[][] inputs, Result[] results, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        var cpu = CpuSeconds();
        for (var i = 0; i < inputs.Length; i++)
        {
            var c = JsonSerializer.Deserialize(inputs[i], ContractJson.Compact.Case);
            GC.KeepAlive(c);
            buffer.ResetWrittenCount();
            writer.Reset();
            JsonSerializer.Serialize(writer, results[i], ContractJson.Compact.Result);
        }

        return CpuSeconds() - cpu;
    }

    /// <summary>
    /// CPU seconds used by the process (user + system, every thread, the GC's included). On a shared machine wall-clock
    /// time counts the time others held the cores; CPU time counts only the work done.
    /// </summary>
    private static double CpuSeconds() => Environment.CpuUsage.TotalTime.TotalSeconds;
}
