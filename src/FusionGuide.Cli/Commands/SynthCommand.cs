using System.Globalization;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Cli.Commands;

/// <summary><c>synth --n N --seed S [-o FILE]</c>: deterministic synthetic cases as NDJSON.</summary>
internal static class SynthCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = ParsedArguments.Parse(args, CommandTable.Synth);
        if (a.Positional.Count > 0)
        {
            a.Usage($"synth takes no positional argument ('{a.Positional[0]}')");
        }

        var n = a.Long("--n", 1000, 0, long.MaxValue);
        var seed = a.ULong("--seed", 1);
        if (a.Problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, a.Problems);
        }

        var synth = new CaseSynthesizer(KnowledgeLoader.Embedded, seed);
        var path = a.Option("--output");
        if (path is null or "-")
        {
            _ = stdout;
            using var console = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(console, 1 << 16);
            synth.WriteNdjson(buffered, n);
            return ExitCodes.Ok;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            synth.WriteNdjson(file, n);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Dispatcher.UsageError(stderr, $"cannot write '{path}': {ex.Message}");
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"synth: {n} cases (seed {seed}) written to {path}"));
        return ExitCodes.Ok;
    }
}
