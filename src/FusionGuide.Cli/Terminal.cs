namespace FusionGuide.Cli;

/// <summary>
/// What the command line writes to: whether standard output and standard error are a terminal (a person reading) or
/// redirected (a program, a file, a pipe), and whether colour is refused. Decides the default report format and how
/// problems are shown; the contract's forms (JSON result, JSON problem list) are what a redirected stream gets.
/// </summary>
/// <param name="StdoutIsTerminal">Standard output is a terminal: <c>recommend</c> prints Markdown unless told otherwise.</param>
/// <param name="StderrIsTerminal">Standard error is a terminal: problems are plain sentences unless <c>--json-errors</c>.</param>
/// <param name="NoColor">The <c>NO_COLOR</c> environment variable is set to a non-empty value (https://no-color.org/).</param>
internal sealed record Terminal(bool StdoutIsTerminal, bool StderrIsTerminal, bool NoColor)
{
    /// <summary>Both streams redirected: the contract's forms throughout (tests and pipelines).</summary>
    public static Terminal Redirected { get; } = new(false, false, NoColorSet());

    /// <summary>The process's own console.</summary>
    public static Terminal FromConsole() => new(!Console.IsOutputRedirected, !Console.IsErrorRedirected, NoColorSet());

    /// <summary>Whether <c>NO_COLOR</c> asks for no colour (present and not empty).</summary>
    public static bool NoColorSet() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
