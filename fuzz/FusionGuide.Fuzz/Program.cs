using System.Diagnostics;
using SharpFuzz;

namespace FusionGuide.Fuzz;

/// <summary>
/// <c>FusionGuide.Fuzz targets</c> lists the targets;
/// <c>FusionGuide.Fuzz instrument DIR</c> instruments the product assemblies in DIR (a copy of this build's output);
/// <c>FusionGuide.Fuzz afl TARGET</c> is the program afl-fuzz runs (input on standard input);
/// <c>FusionGuide.Fuzz replay TARGET [--slow-ms N] PATH...</c> runs files or folders through a target, uninstrumented,
/// and fails on any exception (or on an input slower than N ms).
/// </summary>
internal static class Program
{
    /// <summary>The assemblies whose branches AFL sees: the code under test, never the harness or the framework.</summary>
    private static readonly string[] Instrumented =
        ["FusionGuide.Domain", "FusionGuide.Engine", "FusionGuide.Rendering", "FusionGuide.Fhir"];

    private static int Main(string[] args)
    {
        switch (args)
        {
            case ["targets"]:
                foreach (var t in FuzzTargets.All)
                {
                    Console.WriteLine($"{t.Name,-10} corpus {t.Corpus,-5} {t.Description}");
                }

                return 0;
            case ["instrument", var dir]:
                return Instrument(dir);
            case ["afl", var name] when FuzzTargets.Find(name) is { } target:
                Afl(target);
                return 0;
            case ["replay", var name, .. var rest] when FuzzTargets.Find(name) is { } target && rest.Length > 0:
                return Replay(target, rest);
            default:
                Console.Error.WriteLine("usage: FusionGuide.Fuzz targets | instrument DIR | afl TARGET | replay TARGET [--slow-ms N] PATH...");
                Console.Error.WriteLine($"targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
                return 2;
        }
    }

    private static int Instrument(string dir)
    {
        foreach (var name in Instrumented)
        {
            var path = Path.Combine(dir, name + ".dll");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"instrument: {path} not found");
                return 1;
            }

            var types = Fuzzer.Instrument(path, _ => true, Options.Value).Count();
            Console.WriteLine($"instrumented {name}: {types} types");
        }

        return 0;
    }

    private static void Afl(FuzzTarget target) =>
        // The target runs in a child process that SharpFuzz restarts when it dies, so a stack overflow or a timeout
        // is reported to afl-fuzz as a crash or a hang instead of stopping the run.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });

    private static int Replay(FuzzTarget target, string[] args)
    {
        var slowMs = long.MaxValue;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--slow-ms" && i + 1 < args.Length && long.TryParse(args[i + 1], out var ms))
            {
                slowMs = ms;
                i++;
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        var files = paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.'))
                : [p])
            .Order(StringComparer.Ordinal)
            .ToList();
        FuzzTargets.Warm();
        var failed = 0;
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            try
            {
                target.Run(input);
            }
            catch (Exception ex)
            {
                failed++;
                Console.WriteLine($"CRASH {file}\n{ex}");
                continue;
            }

            if (clock.ElapsedMilliseconds > slowMs)
            {
                failed++;
                Console.WriteLine($"SLOW {file}: {clock.ElapsedMilliseconds} ms (limit {slowMs} ms)");
            }
        }

        Console.WriteLine($"replay {target.Name}: {files.Count} inputs, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
