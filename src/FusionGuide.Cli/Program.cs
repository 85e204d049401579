using System.Text;
using FusionGuide.Cli;

// Exit codes (contract): 0 result; 2 invalid input (JSON problem list on stderr, nothing on stdout); 1 internal fault.
Console.OutputEncoding = new UTF8Encoding(false);
try
{
    return Dispatcher.Run(args, Console.OpenStandardInput(), Console.Out, Console.Error, Terminal.FromConsole());
}
#pragma warning disable CA1031 // The last line of defence: any fault becomes exit 1 with its message, never a crash dump on stdout.
catch (Exception ex)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"fusionguide: internal fault: {ex.GetType().Name}: {ex.Message}");
    Console.Error.WriteLine(ex.StackTrace);
    return ExitCodes.Internal;
}
