using System.Text;

namespace FusionGuide.CommandLine;

/// <summary>The help texts, generated from <see cref="CommandTable"/>: the executable's usage and each command's help.</summary>
public static class Usage
{
    /// <summary>The name an executable is run by.</summary>
    public static string NameOf(Executable host) => host == Executable.Cli ? "fusionguide" : "fusionguide-server";

    /// <summary><c>--help</c>: every command the executable runs (the CLI lists the server's too, which the launcher forwards).</summary>
    public static string Of(Executable host)
    {
        var name = NameOf(host);
        var text = new StringBuilder();
        text.AppendLine(host == Executable.Cli
            ? "fusionguide — decision support for ALK- and ROS1-rearranged NSCLC"
            : "fusionguide-server — the FusionGuide HTTP API, web page and audit store");
        text.AppendLine().AppendLine("Usage:");
        Lines(text, name, CommandTable.RunBy(host));
        text.AppendLine($"  {name} --help | --version");
        text.AppendLine($"  {name} COMMAND --help               the command's options");
        if (host == Executable.Cli)
        {
            text.AppendLine().AppendLine("Run by fusionguide-server, to which the ./fusionguide launcher forwards them:");
            Lines(text, name, CommandTable.RunBy(Executable.Server));
            text.AppendLine().AppendLine("""
                CASE.json may be '-' to read standard input.
                Invalid input is described in sentences on a terminal; when standard error is redirected, or with
                --json-errors (any command), it is the contract's JSON problem list.
                Output has no colour (NO_COLOR is honoured by the batch progress bar).
                """.TrimEnd());
        }
        else
        {
            foreach (var command in CommandTable.RunBy(Executable.Server))
            {
                text.AppendLine().Append(Of(command, withUsageLine: false));
            }
        }

        text.AppendLine().Append(ExitCodes.Description);
        return text.ToString().TrimEnd();
    }

    /// <summary><c>COMMAND --help</c>: the command's usage line, what it does, its options and more about it.</summary>
    public static string Of(CommandSpec command) => (Of(command, withUsageLine: true) + Environment.NewLine + ExitCodes.Description).TrimEnd();

    private static string Of(CommandSpec command, bool withUsageLine)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder();
        if (withUsageLine)
        {
            text.AppendLine($"Usage: {NameOf(command.Host)} {command.Synopsis}").AppendLine();
        }

        text.AppendLine($"{command.Name}{(command.Requires is null ? "" : $" {command.Requires}")}: {command.Summary}");
        foreach (var option in command.Options)
        {
            var spelling = (option.Alias is null ? option.Name : $"{option.Alias}, {option.Name}") + (option.IsFlag ? "" : $" {option.Value}");
            text.AppendLine($"  {spelling,-40} {option.Help}");
        }

        if (command.Details is { } details)
        {
            text.AppendLine(details);
        }

        return text.ToString();
    }

    private static void Lines(StringBuilder text, string name, IEnumerable<CommandSpec> commands)
    {
        foreach (var c in commands)
        {
            text.AppendLine($"  {name} {c.Synopsis}");
            text.AppendLine($"      {c.Summary}");
        }
    }
}
