namespace FusionGuide.CommandLine;

/// <summary>Which executable runs a command: the Native AOT CLI, or the JIT server (ASP.NET Core, Npgsql, Firely SDK).</summary>
public enum Executable
{
    /// <summary><c>fusionguide</c> (src/FusionGuide.Cli).</summary>
    Cli,

    /// <summary><c>fusionguide-server</c> (src/FusionGuide.Server).</summary>
    Server,
}

/// <summary>An option: its name, an optional short alias, the value it takes (null for a flag) and one line of help.</summary>
public sealed record OptionSpec(string Name, string? Value, string Help)
{
    /// <summary>Another spelling (<c>-o</c> for <c>--output</c>).</summary>
    public string? Alias { get; init; }

    /// <summary>Whether the option takes no value.</summary>
    public bool IsFlag => Value is null;

    /// <summary>Whether <paramref name="name"/> spells this option.</summary>
    public bool Spells(string name) => name == Name || name == Alias;
}

/// <summary>
/// A command of the command line: its words (<c>kb show</c>), the executable that runs it, its synopsis and summary,
/// and its options. The parser, the routing of both executables and the launcher, and the help texts all read it.
/// </summary>
/// <param name="Name">The command's words, space-separated (<c>recommend</c>, <c>audit verify</c>).</param>
/// <param name="Host">The executable that runs it.</param>
/// <param name="Synopsis">The usage line after the executable's name.</param>
/// <param name="Summary">What it does, in a line.</param>
public sealed record CommandSpec(string Name, Executable Host, string Synopsis, string Summary)
{
    /// <summary>The options it accepts (besides <c>--help</c>).</summary>
    public IReadOnlyList<OptionSpec> Options { get; init; } = [];

    /// <summary>An option whose presence selects this command over another of the same name (<c>recommend --fhir</c>).</summary>
    public string? Requires { get; init; }

    /// <summary>Other <c>--key=value</c> arguments are ASP.NET Core host settings, passed through (<c>serve</c>).</summary>
    public bool PassesHostSettings { get; init; }

    /// <summary>More about the command, shown by its help.</summary>
    public string? Details { get; init; }

    /// <summary>The command's words.</summary>
    public IReadOnlyList<string> Words => Name.Split(' ');

    /// <summary>The option <paramref name="name"/> spells, or null.</summary>
    public OptionSpec? Option(string name) => Options.FirstOrDefault(o => o.Spells(name));
}
