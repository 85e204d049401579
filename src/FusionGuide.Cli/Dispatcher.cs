using FusionGuide.Cli.Commands;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Cli;

/// <summary>Routes a command line to its command. Front ends build a case and render a result; nothing clinical happens here.</summary>
internal static class Dispatcher
{
    public const string Usage = """
        fusionguide — decision support for ALK- and ROS1-rearranged NSCLC

        Usage:
          fusionguide recommend CASE.json [-o FILE.md|FILE.html|FILE.json] [--format json|markdown|html] [--as-of YYYY-MM-DD]
          fusionguide validate CASE.json
          fusionguide kb validate [DIR]      check a knowledge base (the embedded one by default)
          fusionguide kb version             knowledge-base version and release date
          fusionguide kb show ID [--json]    a drug, reference, rule, regimen, trial or threshold (--json: the record as held)
          fusionguide kb refs                the reference list
          fusionguide kb diff --old DIR --new DIR [--cohort INPUT.ndjson]
                                             facts changed between two knowledge folders, and the cases they change
          fusionguide kb audit [DIR] [--json] [--html FILE]
                                             facts verified, on secondary evidence and unverified; the review sheet
          fusionguide batch INPUT.ndjson [-o OUT.ndjson] [--report REPORT.html] [--workers N] [--as-of DATE]
                                             one case per line in, one result per line out, in input order
          fusionguide synth --n N --seed S [-o FILE]   deterministic synthetic cases (NDJSON)
          fusionguide bench [--n N] [--seed S] [--passes P]  engine cases/s against the System.Text.Json floor, and the ratio
          fusionguide --version | --help

        Run by fusionguide-server, to which the ./fusionguide launcher forwards them:
          fusionguide serve [--urls http://127.0.0.1:8080] [--db PATH | --postgres CONNECTION] [--api-key-file FILE]
          fusionguide audit verify [--db PATH | --postgres CONNECTION] [--audit-checkpoints DIR] [--audit-public-key FILE]
          fusionguide audit migrate [--db PATH | --postgres CONNECTION]
          fusionguide fhir BUNDLE.json [--as-of YYYY-MM-DD] [--region R]
          fusionguide recommend --fhir BUNDLE.json [--format json|markdown|html] [--as-of YYYY-MM-DD] [--region R]

        CASE.json may be '-' to read standard input.
        recommend writes Markdown to a terminal and JSON when its output is redirected; -o FILE picks the format
        from the extension (.md, .html, .json); --format overrides both.
        Exit codes: 0 result; 2 invalid input; 1 internal fault. Invalid input is described in sentences on a
        terminal; when standard error is redirected, or with --json-errors, it is the contract's JSON problem list.
        Output has no colour (NO_COLOR is honoured by the batch progress bar).
        """;

    // How problems are shown in this run: set by Run, read by Problems (an AsyncLocal, so runs in parallel never meet).
    private static readonly AsyncLocal<bool> PlainProblems = new();

    /// <summary>Runs a command line with both streams redirected: the contract's forms (what tests and pipelines get).</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdin, stdout, stderr, Terminal.Redirected);

    /// <summary>Runs a command line; <paramref name="terminal"/> says whether a person reads stdout and stderr.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(terminal);
        var jsonErrors = args.Contains("--json-errors");
        args = [.. args.Where(x => x != "--json-errors")];
        PlainProblems.Value = terminal.StderrIsTerminal && !jsonErrors;
        CurrentTerminal.Value = terminal;
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? UsageError(stderr, "no command given; see --help") : ExitCodes.Ok;
        }

        if (args[0] == "--version")
        {
            return KbCommand.Version(stdout, full: true);
        }

        var rest = args[1..];
        return args[0] switch
        {
            "recommend" => RecommendCommand.Run(rest, stdin, stdout, stderr),
            "validate" => ValidateCommand.Run(rest, stdin, stdout, stderr),
            "kb" => KbCommand.Run(rest, stdout, stderr),
            "synth" => SynthCommand.Run(rest, stdout, stderr),
            "batch" => BatchCommand.Run(rest, stdout, stderr),
            "bench" => BenchCommand.Run(rest, stdout, stderr),
            _ => UsageError(stderr, $"unknown command '{args[0]}'; see --help"),
        };
    }

    private static readonly AsyncLocal<Terminal?> CurrentTerminal = new();

    /// <summary>The terminal of the current run (redirected outside <see cref="Run(string[], TextReader, TextWriter, TextWriter, Terminal)"/>).</summary>
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
