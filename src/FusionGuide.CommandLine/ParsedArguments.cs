using System.Globalization;
using FusionGuide.Domain.Validation;

namespace FusionGuide.CommandLine;

/// <summary>
/// A command's arguments read against its <see cref="CommandSpec"/>, the same way in both executables: positional words,
/// <c>--name value</c> or <c>--name=value</c> (and a short alias such as <c>-o value</c>), flags without a value. An
/// unknown option, an option without its value, a flag given a value and an option given twice are problems (path
/// <c>args</c>); a bad value is a problem at the option's name. Every problem is collected, none stops the reading.
/// </summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly List<string> positional = [];

    private ParsedArguments(CommandSpec command) => Command = command;

    /// <summary>The command read.</summary>
    public CommandSpec Command { get; }

    /// <summary>The positional words, in order.</summary>
    public IReadOnlyList<string> Positional => positional;

    /// <summary>Every problem found so far; the command adds its own.</summary>
    public List<Problem> Problems { get; } = [];

    /// <summary>ASP.NET Core host settings passed through (<see cref="CommandSpec.PassesHostSettings"/>).</summary>
    public List<string> HostSettings { get; } = [];

    /// <summary>Reads <paramref name="args"/> (the words after the command's name) against <paramref name="command"/>.</summary>
    public static ParsedArguments Parse(IReadOnlyList<string> args, CommandSpec command)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(command);
        var a = new ParsedArguments(command);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsOption(arg))
            {
                a.positional.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var (name, inline) = eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (command.Option(name) is not { } option)
            {
                if (command.PassesHostSettings && inline is not null && name.StartsWith("--", StringComparison.Ordinal))
                {
                    a.HostSettings.Add(arg);
                }
                else
                {
                    a.Usage($"unknown option '{name}'; see {Help(command)}");
                }

                continue;
            }

            string? value = null;
            if (option.IsFlag && inline is not null)
            {
                a.Usage($"{name} takes no value");
            }
            else if (!option.IsFlag)
            {
                value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    a.Usage($"{name} needs a value");
                    continue;
                }
            }

            if (!a.values.TryAdd(option.Name, value))
            {
                a.Usage($"{name} is given twice");
            }
        }

        return a;
    }

    /// <summary>Whether <paramref name="arg"/> is spelled as an option (<c>--name</c> or <c>-x</c>; <c>-</c> alone is standard input).</summary>
    public static bool IsOption(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        return arg.StartsWith("--", StringComparison.Ordinal) || (arg.Length == 2 && arg[0] == '-' && char.IsAsciiLetter(arg[1]));
    }

    /// <summary>How to ask for a command's help.</summary>
    public static string Help(CommandSpec command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return $"'{command.Name}{(command.Requires is null ? "" : $" {command.Requires}")} --help'";
    }

    /// <summary>Adds a usage problem (path <c>args</c>).</summary>
    public void Usage(string message) => Problems.Add(new Problem("args", message));

    /// <summary>The value of the option <paramref name="name"/> (either spelling), or null when not given.</summary>
    public string? Option(string name) => Command.Option(name) is { } o ? values.GetValueOrDefault(o.Name) : null;

    /// <summary>Whether the option or flag <paramref name="name"/> (either spelling) was given.</summary>
    public bool Has(string name) => Command.Option(name) is { } o && values.ContainsKey(o.Name);

    /// <summary>The evaluation date of <c>--as-of</c> (<see cref="AsOfDate"/>), or null when not given or not a date.</summary>
    public DateOnly? AsOf() => AsOfDate.Parse(Option("--as-of"), "--as-of", Problems);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when not given or wrong.</summary>
    public long Long(string name, long fallback, long min, long max)
    {
        if (Option(name) is not { } text)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
        {
            return v;
        }

        Problems.Add(new Problem(name, $"must be a whole number from {min} to {max} (got '{text}')"));
        return fallback;
    }

    /// <summary>A non-negative whole number; <paramref name="fallback"/> when not given or wrong.</summary>
    public ulong ULong(string name, ulong fallback)
    {
        if (Option(name) is not { } text)
        {
            return fallback;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        Problems.Add(new Problem(name, $"must be a non-negative whole number (got '{text}')"));
        return fallback;
    }

    /// <summary>One of <paramref name="allowed"/>; <paramref name="fallback"/> when not given or not one of them.</summary>
    public string? OneOf(string name, IReadOnlyList<string> allowed, string? fallback)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (Option(name) is not { } text)
        {
            return fallback;
        }

        if (allowed.Contains(text))
        {
            return text;
        }

        Problems.Add(new Problem(name, $"must be one of {string.Join(", ", allowed)}, not '{text}'"));
        return fallback;
    }
}
