using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using FusionGuide.Domain.Validation;
using FusionGuide.Engine;

namespace FusionGuide.Cohort.Batch;

/// <summary>
/// Evaluates an NDJSON cohort with flat memory: a reader fills chunks of lines, N workers evaluate them, and one
/// writer puts their output back in input order. A fixed pool of chunks is the bounded window: when the writer
/// waits for a slow chunk, the reader stops at the end of the pool, so memory never grows with the file.
/// </summary>
public static class BatchRunner
{
    /// <summary>Runs a batch; <paramref name="sink"/> (optional) sees every line in input order on the writer's thread.</summary>
    public static async Task<BatchSummary> RunAsync(Stream input, Stream output, FusionEngine engine, BatchOptions options,
        ICohortSink? sink = null, Action<long>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var window = options.EffectiveWindow;
        var free = Channel.CreateBounded<Chunk>(window);
        for (var i = 0; i < window; i++)
        {
            free.Writer.TryWrite(new Chunk());
        }

        var work = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleWriter = true });
        var done = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleReader = true });
        var digest = sink is not null;

        // A fault anywhere (an unwritable output, say) cancels the others, so no stage waits for a chunk forever.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var token = stop.Token;
        async Task Guard(Func<Task> stage, Action completed)
        {
            try
            {
                await stage().ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                completed();
            }
        }

        var reader = Task.Run(() => Guard(() => Read(input, free, work, options.ChunkLines, token), () => work.Writer.TryComplete()), token);
        var workers = Enumerable.Range(0, Math.Max(1, options.Workers))
            .Select(_ => Task.Run(() => Guard(() => Work(work, done, engine, options.AsOf, digest, token), () => { }), token)).ToArray();
        var evaluated = Task.WhenAll(workers).ContinueWith(_ => done.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        (long Cases, long Errors, long Faults) totals = default;
        var writer = Task.Run(() => Guard(async () => totals = await Write(done, free, output, sink, progress, token).ConfigureAwait(false), () => { }), token);
        var all = workers.Append(reader).Append(writer).Append(evaluated).ToArray();
        try
        {
            await Task.WhenAll(all).ConfigureAwait(false);
        }
        catch (Exception) when (all.FirstOrDefault(t => t.IsFaulted && t.Exception!.InnerException is not OperationCanceledException) is { } failed)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Exception!.InnerException!);
        }

        return new BatchSummary(totals.Cases, totals.Errors, totals.Faults, clock.Elapsed);
    }

    private static async Task Read(Stream input, Channel<Chunk> free, Channel<Chunk> work, int chunkLines, CancellationToken cancel)
    {
        var splitter = new LineSplitter(input);
        long sequence = 0;
        while (true)
        {
            var chunk = await free.Reader.ReadAsync(cancel).ConfigureAwait(false);
            if (!splitter.Fill(chunk, chunkLines))
            {
                return;
            }

            chunk.Sequence = sequence++;
            await work.Writer.WriteAsync(chunk, cancel).ConfigureAwait(false);
        }
    }

    private static async Task Work(Channel<Chunk> work, Channel<Chunk> done, FusionEngine engine, DateOnly? asOf, bool digest, CancellationToken cancel)
    {
        using var json = new Utf8JsonWriter(Stream.Null, ResultWriter.WriterOptions);
        await foreach (var chunk in work.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
        {
            json.Reset(chunk.Output);
            for (var i = 0; i < chunk.Count; i++)
            {
                Evaluate(chunk, i, json, engine, asOf, digest);
            }

            await done.Writer.WriteAsync(chunk, cancel).ConfigureAwait(false);
        }
    }

    private static void Evaluate(Chunk chunk, int i, Utf8JsonWriter json, FusionEngine engine, DateOnly? asOf, bool digest)
    {
        var line = chunk.Lines[i].Line;
        if (chunk.Lines[i].Length < 0)
        {
            Reject(chunk, json, line, [new Problem("$", $"the line is longer than {CaseReader.MaxDocumentBytes} bytes, the largest case accepted")], digest);
            return;
        }

        var read = CaseReader.Read(chunk.Line(i));
        if (!read.IsValid)
        {
            Reject(chunk, json, line, read.Problems, digest);
            return;
        }

        try
        {
            var result = engine.Evaluate(read.Case!, asOf, read.Notices);
            ResultWriter.WriteResult(json, chunk.Output, result);
            if (digest)
            {
                chunk.Digests.Add(CaseDigest.Of(line, read.Case!, result));
            }
        }
#pragma warning disable CA1031 // One case's fault must not stop the cohort: it is written as a fault line and counted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            json.Reset();
            ResultWriter.WriteFault(json, chunk.Output, line, $"{ex.GetType().Name}: {ex.Message}");
            chunk.Faults++;
            if (digest)
            {
                chunk.Digests.Add(new Rejection(line, $"internal fault: {ex.GetType().Name}"));
            }
        }
    }

    private static void Reject(Chunk chunk, Utf8JsonWriter json, long line, IReadOnlyList<Problem> problems, bool digest)
    {
        ResultWriter.WriteProblems(json, chunk.Output, line, problems);
        chunk.Errors++;
        if (digest)
        {
            chunk.Digests.Add(new Rejection(line, problems.Count > 0 ? $"{problems[0].Path}: {problems[0].Message}" : "invalid"));
        }
    }

    private static async Task<(long Cases, long Errors, long Faults)> Write(Channel<Chunk> done, Channel<Chunk> free, Stream output,
        ICohortSink? sink, Action<long>? progress, CancellationToken cancel)
    {
        var pending = new Dictionary<long, Chunk>();
        long next = 0, cases = 0, errors = 0, faults = 0;
        await foreach (var chunk in done.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
        {
            pending.Add(chunk.Sequence, chunk);
            while (pending.Remove(next, out var ready))
            {
                await output.WriteAsync(ready.Output.WrittenMemory, cancel).ConfigureAwait(false);
                cases += ready.Count;
                errors += ready.Errors;
                faults += ready.Faults;
                if (sink is not null)
                {
                    foreach (var d in ready.Digests)
                    {
                        if (d is CaseDigest c)
                        {
                            sink.OnEvaluated(c);
                        }
                        else if (d is Rejection r)
                        {
                            sink.OnRejected(r.Line, r.Reason);
                        }
                    }
                }

                ready.Reset();
                free.Writer.TryWrite(ready);
                next++;
                progress?.Invoke(cases);
            }
        }

        await output.FlushAsync(cancel).ConfigureAwait(false);
        return (cases, errors, faults);
    }

    private sealed record Rejection(long Line, string Reason);
}
