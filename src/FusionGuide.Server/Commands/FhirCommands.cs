using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Fhir;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Rendering;

namespace FusionGuide.Server.Commands;

/// <summary>
/// The FHIR commands of the command line, as a library entry (the AOT CLI cannot host the Firely SDK):
/// <c>fhir BUNDLE.json [--as-of DATE] [--region R] [--knowledge DIR]</c> prints the case; <c>recommend --fhir BUNDLE.json
/// [--format json|markdown|html] [--as-of DATE] [--region R] [--knowledge DIR]</c> prints the result. A knowledge folder
/// (else FUSIONGUIDE_KNOWLEDGE) is validated as <c>serve</c>'s is, and its RxNorm table is the one the bundle's medication
/// codes are read with. Exit codes: 0 output on stdout;
/// 2 invalid input (a JSON problem list on stderr, nothing on stdout) — including a record without non-small cell
/// lung cancer (<c>$: out of scope: …</c>, see <see cref="FhirMapping.OutOfScope"/>); 1 an internal fault.
/// </summary>
public static class FhirCommands
{
    /// <summary>Largest FHIR document read, in bytes.</summary>
    public const int MaxDocumentBytes = 10_000_000;

    private static readonly string[] Formats = ["json", "markdown", "html"];

    /// <summary>Runs <c>fhir …</c> or <c>recommend --fhir …</c>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return args.FirstOrDefault() switch
            {
                "fhir" => Fhir(Parse(args[1..], positional: true), stdout, stderr),
                "recommend" => Recommend(Parse(args[1..], positional: false), stdout, stderr),
                _ => Fail(stderr, [new Problem("args", "expected 'fhir BUNDLE.json' or 'recommend --fhir BUNDLE.json'")]),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Internal;
        }
    }

    private sealed record Args(string? File, string Format, DateOnly? AsOf, Region? Region, KnowledgeBase Knowledge, List<Problem> Problems);

    /// <summary>Reads the arguments after <c>fhir</c> (<paramref name="positional"/>: the bundle is a word) or after <c>recommend</c> (it is <c>--fhir</c>'s value).</summary>
    private static Args Parse(string[] args, bool positional)
    {
        var a = ParsedArguments.Parse(args, positional ? CommandTable.Fhir : CommandTable.RecommendFhir);
        var file = positional ? (a.Positional.Count > 0 ? a.Positional[0] : null) : a.Option("--fhir");
        foreach (var extra in a.Positional.Skip(positional ? 1 : 0))
        {
            a.Usage($"unexpected argument '{extra}'");
        }

        if (file is null)
        {
            a.Usage(positional ? "fhir needs a FHIR JSON file" : "recommend needs --fhir BUNDLE.json");
        }

        var format = a.OneOf("--format", Formats, "json")!;
        var date = a.AsOf();
        Region? r = null;
        if (a.Option("--region") is { } region)
        {
            if (Codes.Region.TryParse(region, out var rv))
            {
                r = rv;
            }
            else
            {
                a.Problems.Add(new Problem("--region", $"must be one of {string.Join(", ", Codes.Region.Codes)}"));
            }
        }

        // As the CLI's recommend and serve: --knowledge, else the variable, else the embedded release. A refused folder
        // leaves its problems in a.Problems, which stop the command before any reading (the fallback is never used).
        var dir = a.Option("--knowledge") ?? (Environment.GetEnvironmentVariable("FUSIONGUIDE_KNOWLEDGE") is { Length: > 0 } v ? v : null);
        var kb = dir is null ? KnowledgeLoader.Embedded : CommandLine.LoadKnowledge(dir, a.Problems) ?? KnowledgeLoader.Embedded;
        return new Args(file, format, date, r, kb, a.Problems);
    }

    private static int Fhir(Args a, TextWriter stdout, TextWriter stderr)
    {
        if (Read(a, stderr, out _) is not { } mapping)
        {
            return ExitCodes.InvalidInput;
        }

        Warn(mapping, stderr);
        stdout.WriteLine(ContractJson.Serialize(mapping.Case!));
        return ExitCodes.Ok;
    }

    private static int Recommend(Args a, TextWriter stdout, TextWriter stderr)
    {
        if (Read(a, stderr, out var kb) is not { } mapping)
        {
            return ExitCodes.InvalidInput;
        }

        var engine = new FusionEngine(kb);
        var result = engine.Evaluate(mapping.Case!, a.AsOf ?? kb.ReleaseDate, mapping.Warnings);
        var refs = KnowledgeReferences.From(kb);
        var output = a.Format switch
        {
            "markdown" => MarkdownRenderer.Render(result, refs, mapping.Case),
            "html" => HtmlRenderer.Render(result, refs, mapping.Case),
            _ => ContractJson.Serialize(result),
        };
        stdout.WriteLine(output);
        return ExitCodes.Ok;
    }

    private static FhirMapping? Read(Args a, TextWriter stderr, out KnowledgeBase kb)
    {
        kb = a.Knowledge;
        if (a.Problems.Count > 0)
        {
            Fail(stderr, a.Problems);
            return null;
        }

        var info = new FileInfo(a.File!);
        if (!info.Exists || info.Length > MaxDocumentBytes)
        {
            Fail(stderr, [new Problem("$", info.Exists ? $"'{a.File}' is larger than {MaxDocumentBytes} bytes" : $"cannot read '{a.File}': no such file")]);
            return null;
        }

        var options = new FhirMappingOptions { AsOf = a.AsOf ?? kb.ReleaseDate, Region = a.Region };
        var mapping = FhirCaseReader.ReadJson(File.ReadAllText(info.FullName), options, kb);
        if (!mapping.IsValid)
        {
            Fail(stderr, mapping.Problems);
            return null;
        }

        if (mapping.OutOfScope is { } why)
        {
            // Not a patient FusionGuide is for: a clear answer rather than "driver indeterminate" for, say, breast cancer.
            Warn(mapping, stderr);
            Fail(stderr, [new Problem("$", $"out of scope: {why}")]);
            return null;
        }

        return mapping;
    }

    private static void Warn(FhirMapping mapping, TextWriter stderr)
    {
        foreach (var w in mapping.Warnings)
        {
            stderr.WriteLine($"warning: {w.Message}");
        }
    }

    private static int Fail(TextWriter stderr, IReadOnlyList<Problem> problems)
    {
        stderr.WriteLine(ContractJson.Serialize(problems));
        return ExitCodes.InvalidInput;
    }
}
