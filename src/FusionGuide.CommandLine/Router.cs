using FusionGuide.Domain.Validation;

namespace FusionGuide.CommandLine;

/// <summary>What a command line asks of an executable: a command to run, a text to print, or a usage problem.</summary>
/// <param name="Command">The command to run, with <paramref name="Rest"/> (the words after its name).</param>
/// <param name="Rest">The arguments after the command's words.</param>
/// <param name="Print">A help text to print on stdout (exit 0).</param>
/// <param name="Version">The executable's version line is asked for (exit 0).</param>
/// <param name="Problem">A usage mistake (exit 2).</param>
public sealed record Routed(CommandSpec? Command, string[] Rest, string? Print, bool Version, Problem? Problem);

/// <summary>Routes a command line by <see cref="CommandTable"/>, the same way in both executables.</summary>
public static class Router
{
    /// <summary>
    /// What <paramref name="args"/> ask of the executable <paramref name="self"/>: <c>--help</c>, <c>help COMMAND</c>
    /// or <c>COMMAND … --help</c> print help; <c>--version</c> the version; otherwise the command the table names, or a
    /// problem (no command, an unknown one, a group without its subcommand, or a command the other executable runs).
    /// </summary>
    public static Routed Route(string[] args, Executable self)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args)
        {
            case []:
                return Mistake("no command given; see --help");
            case ["--help" or "-h" or "help"]:
                return new Routed(null, [], Usage.Of(self), false, null);
            case ["--version", ..]:
                return new Routed(null, [], null, true, null);
            case ["help", .. var topic]:
                return CommandTable.Find(topic) is { } about ? new Routed(null, [], Usage.Of(about), false, null) : Unknown(topic);
        }

        if (CommandTable.Find(args) is not { } command)
        {
            return Unknown(args);
        }

        if (args.Contains("--help") || args.Contains("-h"))
        {
            return new Routed(null, [], Usage.Of(command), false, null);
        }

        if (command.Host != self)
        {
            return Mistake($"'{command.Name}{(command.Requires is null ? "" : $" {command.Requires}")}' is run by {Usage.NameOf(command.Host)}; "
                + "the ./fusionguide launcher forwards it there");
        }

        return new Routed(command, args[command.Words.Count..], null, false, null);
    }

    private static Routed Unknown(string[] args)
    {
        if (args.Length == 0)
        {
            return Mistake("help needs a command; see --help");
        }

        var group = CommandTable.SubcommandsOf(args[0]);
        if (group.Count == 0)
        {
            return Mistake($"unknown command '{args[0]}'; see --help");
        }

        var choices = string.Join(", ", group.Take(group.Count - 1)) + $" or {group[^1]}";
        return Mistake(args.Length == 1
            ? $"{args[0]} needs a subcommand: {choices}"
            : $"unknown {args[0]} subcommand '{args[1]}': {args[0]} takes {choices}");
    }

    private static Routed Mistake(string message) => new(null, [], null, false, new Problem("args", message));
}
