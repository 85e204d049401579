using System.Text;
using FusionGuide.Server.Commands;

// Exit codes: 0 ok; 2 invalid usage (JSON problem list on stderr); 1 internal fault; 4 audit verify found a broken chain.
Console.OutputEncoding = new UTF8Encoding(false);
try
{
    return await ServerProgram.RunAsync(args, Console.Out, Console.Error);
}
// HostAbortedException is how WebApplicationFactory stops the entry point once it has the host: let it pass.
#pragma warning disable CA1031 // The last line of defence: any other fault becomes exit 1 with its message.
catch (Exception ex) when (ex is not HostAbortedException)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync($"fusionguide-server: internal fault: {ex.GetType().Name}: {ex.Message}");
    return ExitCodes.Internal;
}
