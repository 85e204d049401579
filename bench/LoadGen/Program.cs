using System.Runtime.InteropServices;
using System.Text;

namespace FusionGuide.LoadGen;

/// <summary>The command line. Exit codes: 0 ran (errors are counted, not fatal); 2 invalid usage; 1 nothing to send.</summary>
internal static class LoadGenProgram
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        if (args is ["--help" or "-h", ..])
        {
            Console.WriteLine(LoadOptions.Usage);
            return 0;
        }

        if (!LoadOptions.TryParse(args, out var options, out var problem))
        {
            await Console.Error.WriteLineAsync($"fusionguide-loadgen: {problem}\n\n{LoadOptions.Usage}");
            return 2;
        }

        var cases = CaseSource.Load(options.CasesPath);
        if (cases.Count == 0)
        {
            await Console.Error.WriteLineAsync("fusionguide-loadgen: no cases to send (an empty case file?)");
            return 1;
        }

        using var stop = new CancellationTokenSource();
        // Ctrl-C or SIGTERM: stop sending, let what is in flight finish, still print the report and write --acks.
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });

        var acks = options.AcksPath is null ? null : new StreamWriter(options.AcksPath, append: false, new UTF8Encoding(false));
        await using (acks)
        {
            var report = await OpenLoop.RunAsync(options, cases, acks, stop.Token);
            Console.WriteLine(report.Describe());
            Console.WriteLine(report.ToJson());
        }

        return 0;
    }
}
