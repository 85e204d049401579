using FusionGuide.Domain.Wire;
using FusionGuide.Engine;

namespace FusionGuide.Cli.Commands;

/// <summary>
/// <c>recommend CASE.json [-o FILE] [--format json|markdown|html] [--as-of YYYY-MM-DD]</c>. The format is
/// <c>--format</c> when given, else the extension of <c>-o FILE</c> (<c>.md</c>, <c>.html</c>, <c>.json</c>), else
/// Markdown when standard output is a terminal and JSON when it is redirected (the contract's form for programs).
/// </summary>
internal static class RecommendCommand
{
    private static readonly string[] Formats = ["json", "markdown", "html"];

    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr)
    {
        var a = ParsedArguments.Parse(args, CommandTable.Recommend);
        if (a.Positional.Count != 1)
        {
            a.Usage(a.Positional.Count == 0 ? "recommend needs a case file (or '-')" : "recommend takes one case file");
        }

        var outputPath = a.Option("--output");
        var format = a.OneOf("--format", Formats, null) ?? (outputPath is null ? null : FormatOf(outputPath, a))
            ?? (Dispatcher.Terminal.StdoutIsTerminal ? "markdown" : "json");
        var asOf = a.AsOf();
        var knowledge = KnowledgeChoice.Load(a);
        if (a.Problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, a.Problems);
        }

        var read = CaseInput.Read(a.Positional[0], stdin, out var document);
        if (!read.IsValid)
        {
            return Dispatcher.Problems(stderr, read.Problems, document);
        }

        var engine = new FusionEngine(knowledge!);
        var result = engine.Evaluate(read.Case!, asOf, read.Notices);
        var output = format switch
        {
            "markdown" => Rendered.Markdown(result, engine.KnowledgeBase, read.Case!),
            "html" => Rendered.Html(result, engine.KnowledgeBase, read.Case!),
            _ => ContractJson.Serialize(result),
        };

        if (outputPath is not null and not "-")
        {
            return WriteFile(outputPath, output, stderr);
        }

        // Written in one piece only after the whole result exists: a fault never leaves half a result on stdout.
        stdout.WriteLine(output);
        return ExitCodes.Ok;
    }

    /// <summary>The format an output file's extension names; a problem when it names none.</summary>
    private static string? FormatOf(string path, ParsedArguments problems)
    {
        if (path == "-")
        {
            return null;
        }

        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".fhir.json", StringComparison.Ordinal))
        {
            problems.Usage($"-o {path}: FHIR output is not produced by this version; use .json for the result, .md or .html for a report");
            return "json";
        }

        switch (Path.GetExtension(name))
        {
            case ".md" or ".markdown":
                return "markdown";
            case ".html" or ".htm":
                return "html";
            case ".json":
                return "json";
            default:
                problems.Usage($"-o {path}: cannot tell the format from the file name; end it in .md, .html or .json, or give --format");
                return "json";
        }
    }

    /// <summary>Writes the whole output to a file beside it first, then renames it over the target: never half a report.</summary>
    private static int WriteFile(string path, string output, TextWriter stderr)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, output + Environment.NewLine, new System.Text.UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // The temporary file could not be written either; nothing to remove.
            }

            return Dispatcher.UsageError(stderr, $"cannot write '{path}': {ex.Message}");
        }
    }
}
