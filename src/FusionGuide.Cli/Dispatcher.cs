using FusionGuide.Cli.Commands;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Cli;

/// <summary>
/// Runs a command line: <see cref="Router"/> finds the command in the one table (<see cref="CommandTable"/>), and
/// <see cref="Handlers"/> runs those this executable hosts. Front ends build a case and render a result; nothing
/// clinical happens here.
/// </summary>
internal static class Dispatcher
{
    /// <summary>A command's entry: its arguments after the command's words, standard input, output and error.</summary>
    internal delegate int Handler(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr);

    /// <summary>The CLI's command for each command of the table it runs (a test holds the two together).</summary>
    internal static readonly IReadOnlyDictionary<CommandSpec, Handler> Handlers = new Dictionary<CommandSpec, Handler>
    {
        [CommandTable.Recommend] = RecommendCommand.Run,
        [CommandTable.Validate] = ValidateCommand.Run,
        [CommandTable.KbValidate] = (args, _, stdout, stderr) => KbCommand.Validate(args, stdout, stderr),
        [CommandTable.KbVersion] = (args, _, stdout, stderr) => KbCommand.Version(args, stdout, stderr),
        [CommandTable.KbShow] = (args, _, stdout, stderr) => KbCommand.Show(args, stdout, stderr),
        [CommandTable.KbRefs] = (args, _, stdout, stderr) => KbCommand.Refs(args, stdout, stderr),
        [CommandTable.KbDiff] = (args, _, stdout, stderr) => KbDiffCommand.Run(args, stdout, stderr),
        [CommandTable.KbAudit] = (args, _, stdout, stderr) => KbAuditCommand.Run(args, stdout, stderr),
        [CommandTable.Batch] = BatchCommand.Run,
        [CommandTable.Synth] = (args, _, stdout, stderr) => SynthCommand.Run(args, stdout, stderr),
        [CommandTable.Bench] = (args, _, stdout, stderr) => BenchCommand.Run(args, stdout, stderr),
    };

    // How problems are shown in this run: set by Run, read by Problems (an AsyncLocal, so runs in parallel never meet).
    private static readonly AsyncLocal<bool> PlainProblems = new();

    /// <summary>Runs a command line with both streams redirected: the contract's forms (what tests and pipelines get).</summary>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdin, stdout, stderr, Terminal.Redirected);

    /// <summary>Runs a command line; <paramref name="terminal"/> says whether a person reads stdout and stderr.</summary>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(stdout);
        var jsonErrors = args.Contains("--json-errors");
        args = [.. args.Where(x => x != "--json-errors")];
        PlainProblems.Value = terminal.StderrIsTerminal && !jsonErrors;
        CurrentTerminal.Value = terminal;
        var routed = Router.Route(args, Executable.Cli);
        if (routed.Problem is { } problem)
        {
            return Problems(stderr, [problem]);
        }

        if (routed.Print is { } text)
        {
            stdout.WriteLine(text);
            return ExitCodes.Ok;
        }

        return routed.Version ? KbCommand.Version(stdout, full: true) : Handlers[routed.Command!](routed.Rest, stdin, stdout, stderr);
    }

    private static readonly AsyncLocal<Terminal?> CurrentTerminal = new();

    /// <summary>The terminal of the current run (redirected outside <see cref="Run(string[], Stream, TextWriter, TextWriter, Terminal)"/>).</summary>
    public static Terminal Terminal => CurrentTerminal.Value ?? Terminal.Redirected;

    /// <summary>A usage mistake is invalid input: exit 2 with the contract's problem list.</summary>
    public static int UsageError(TextWriter stderr, params IEnumerable<string> messages) =>
        Problems(stderr, messages.Select(m => new Problem("args", m)).ToList());

    /// <summary>
    /// Invalid input: exit 2. The contract's JSON list when standard error is redirected or <c>--json-errors</c> is
    /// given; on a terminal, one plain sentence per problem naming the field in words. <paramref name="document"/> (the
    /// case as read) lets a sentence name a test by its gene and method.
    /// </summary>
    public static int Problems(TextWriter stderr, IReadOnlyList<Problem> problems, ReadOnlyMemory<byte> document = default)
    {
        if (!PlainProblems.Value)
        {
            stderr.WriteLine(ContractJson.Serialize(problems));
            return ExitCodes.InvalidInput;
        }

        stderr.WriteLine(problems.Count == 1 ? "The input has a problem:" : $"The input has {problems.Count} problems:");
        foreach (var sentence in ProblemWords.Sentences(problems, document))
        {
            stderr.WriteLine($"  {sentence}");
        }

        stderr.WriteLine("(--json-errors prints them as the JSON list of the contract.)");
        return ExitCodes.InvalidInput;
    }
}
