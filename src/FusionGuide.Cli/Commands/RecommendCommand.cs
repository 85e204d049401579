using System.Globalization;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Cli.Commands;

/// <summary><c>recommend CASE.json [--format json|markdown|html] [--as-of YYYY-MM-DD]</c>.</summary>
internal static class RecommendCommand
{
    private static readonly string[] Formats = ["json", "markdown", "html"];

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var a = Arguments.Parse(args, ["--format", "--as-of"], []);
        if (a.Positional.Count != 1)
        {
            a.Problems.Add(a.Positional.Count == 0 ? "recommend needs a case file (or '-')" : "recommend takes one case file");
        }

        var format = a.Option("--format") ?? "json";
        if (!Formats.Contains(format))
        {
            a.Problems.Add($"--format must be one of {string.Join(", ", Formats)}");
        }

        var problems = a.Problems.Select(m => new Problem("args", m)).ToList();
        DateOnly? asOf = null;
        if (a.Option("--as-of") is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                asOf = d;
            }
            else
            {
                problems.Add(new Problem("--as-of", $"'{text}' is not a date in the form YYYY-MM-DD"));
            }
        }

        if (problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, problems);
        }

        var read = CaseInput.Read(a.Positional[0], stdin);
        if (!read.IsValid)
        {
            return Dispatcher.Problems(stderr, read.Problems);
        }

        var engine = new FusionEngine(KnowledgeLoader.Embedded);
        var result = engine.Evaluate(read.Case!, asOf, read.Notices);
        var output = format switch
        {
            "markdown" => Rendered.Markdown(result, engine.KnowledgeBase),
            "html" => Rendered.Html(result, engine.KnowledgeBase),
            _ => ContractJson.Serialize(result),
        };

        // Written in one piece only after the whole result exists: a fault never leaves half a result on stdout.
        stdout.WriteLine(output);
        return ExitCodes.Ok;
    }
}
