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
          fusionguide recommend CASE.json [--format json|markdown|html] [--as-of YYYY-MM-DD]
          fusionguide validate CASE.json
          fusionguide kb validate [DIR]      check a knowledge base (the embedded one by default)
          fusionguide kb version             knowledge-base version and release date
          fusionguide kb show ID             a drug, reference, rule, regimen, trial or threshold
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
        Exit codes: 0 result; 2 invalid input (JSON problem list on stderr, nothing on stdout); 1 internal fault.
        """;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
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

    /// <summary>A usage mistake is invalid input: exit 2 with the contract's problem list.</summary>
    public static int UsageError(TextWriter stderr, params IEnumerable<string> messages)
    {
        var problems = messages.Select(m => new Problem("args", m)).ToList();
        stderr.WriteLine(ContractJson.Serialize(problems));
        return ExitCodes.InvalidInput;
    }

    public static int Problems(TextWriter stderr, IReadOnlyList<Problem> problems)
    {
        stderr.WriteLine(ContractJson.Serialize(problems));
        return ExitCodes.InvalidInput;
    }
}
