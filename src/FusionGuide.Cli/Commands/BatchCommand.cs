using System.Globalization;
using System.Text;
using FusionGuide.Cohort.Batch;
using FusionGuide.Cohort.Report;
using FusionGuide.Engine;
using Spectre.Console;

namespace FusionGuide.Cli.Commands;

/// <summary>
/// <c>batch INPUT.ndjson [-o OUT.ndjson] [--report REPORT.html] [--workers N] [--as-of DATE]</c>: one case per line
/// in, one result (or problem line) per line out, in input order.
/// </summary>
internal static class BatchCommand
{
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr)
    {
        var a = ParsedArguments.Parse(args, CommandTable.Batch);
        if (a.Positional.Count != 1)
        {
            a.Usage(a.Positional.Count == 0 ? "batch needs an input file (NDJSON, or '-')" : "batch takes one input file");
        }

        var workers = (int)a.Long("--workers", Environment.ProcessorCount, 1, 256);
        var asOf = a.AsOf();
        var knowledge = KnowledgeChoice.Load(a);
        if (a.Problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, a.Problems);
        }

        var inputPath = a.Positional[0];
        var outputPath = a.Option("--output");
        Stream input, output;
        try
        {
            input = inputPath == "-" ? stdin : new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Dispatcher.UsageError(stderr, $"cannot read '{inputPath}': {ex.Message}");
        }

        try
        {
            output = outputPath is null or "-" ? Console.OpenStandardOutput() : new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            input.Dispose();
            return Dispatcher.UsageError(stderr, $"cannot write '{outputPath}': {ex.Message}");
        }

        var engine = new FusionEngine(knowledge!);
        var stats = a.Option("--report") is null ? null : new CohortStats();
        var options = new BatchOptions(workers, asOf);
        BatchSummary summary;
        // Standard input belongs to the caller: only a file opened here is closed here.
        using (inputPath == "-" ? null : input)
        using (output)
        {
            var total = input.CanSeek ? input.Length : 0;
            var showBar = !a.Has("--no-progress") && !Console.IsErrorRedirected && total > 0 && ReferenceEquals(stderr, Console.Error);
            summary = showBar
                ? WithProgressBar(input, output, engine, options, stats, total)
                : BatchRunner.RunAsync(input, output, engine, options, stats).GetAwaiter().GetResult();
        }

        if (a.Option("--report") is { } reportPath)
        {
            var header = new ReportHeader(inputPath, engine.KnowledgeBase.Version, (asOf ?? engine.KnowledgeBase.ReleaseDate).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            try
            {
                File.WriteAllText(reportPath, CohortReport.Render(stats!, header), new UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"fusionguide: cannot write the report '{reportPath}': {ex.Message}");
                return ExitCodes.Internal;
            }
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch: {summary.Cases} cases, {summary.Errors} errors, {summary.Faults} faults, {summary.Elapsed.TotalSeconds:0.00} s, {summary.CasesPerSecond:0} cases/s ({workers} workers)"));
        _ = stdout;
        return summary.Faults > 0 ? ExitCodes.Internal : ExitCodes.Ok;
    }

    /// <summary>A Spectre.Console progress bar on standard error, driven by the share of the input written so far.</summary>
    private static BatchSummary WithProgressBar(Stream input, Stream output, FusionEngine engine, BatchOptions options, CohortStats? stats, long total)
    {
        // NO_COLOR (https://no-color.org/) turns the bar's colours off; the bar itself stays.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            ColorSystem = Terminal.NoColorSet() ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        BatchSummary? summary = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("cases", maxValue: total);
                summary = BatchRunner.RunAsync(input, output, engine, options, stats, _ => task.Value = Math.Min(total, input.Position))
                    .GetAwaiter().GetResult();
                task.Value = total;
            });
        return summary!;
    }
}
