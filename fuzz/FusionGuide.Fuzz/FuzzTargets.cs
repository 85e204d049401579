using System.Text;
using System.Text.Json;
using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Fhir;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Rendering;

namespace FusionGuide.Fuzz;

/// <summary>One fuzz target: what it does with one input. It throws when the product broke its contract.</summary>
/// <param name="Name">The name given on the command line.</param>
/// <param name="Corpus">The seed corpus folder under <c>fuzz/corpus/</c> (and <c>fuzz/regressions/</c>).</param>
/// <param name="Dictionary">The AFL dictionary under <c>fuzz/dictionaries/</c>.</param>
/// <param name="Description">One line for <c>targets</c> and the docs.</param>
/// <param name="Run">Runs one input.</param>
internal sealed record FuzzTarget(string Name, string Corpus, string Dictionary, string Description, Action<byte[]> Run);

/// <summary>
/// The fuzz targets. Each one checks the contract the front ends rely on: any bytes give either a case (and then a
/// result) or a list of problems, each with a path and a message, and never an exception.
/// </summary>
internal static class FuzzTargets
{
    private static readonly Lazy<FusionEngine> Engine = new(() => new FusionEngine(KnowledgeLoader.Embedded));
    private static readonly Lazy<ReferenceList> References = new(() => KnowledgeReferences.From(KnowledgeLoader.Embedded));

    /// <summary>Every target, in the order the scripts run them.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("reader", "case", "case.dict",
            "case bytes -> CaseReader.Read: a case or problems; problems serialise; a valid case round-trips", Reader),
        new("recommend", "case", "case.dict",
            "case bytes -> CaseReader.Read -> FusionEngine.Evaluate -> JSON (pretty, compact), Markdown, HTML", Recommend),
        new("fhir", "fhir", "fhir.dict",
            "FHIR JSON -> FhirCaseReader.ReadJson -> FusionEngine.Evaluate -> JSON", Fhir),
    ];

    /// <summary>The target with this name, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>Loads what the targets share (knowledge base, engine) so the first input is not charged for it.</summary>
    public static void Warm()
    {
        _ = Engine.Value;
        _ = References.Value;
    }

    /// <summary>The validating reader alone: the contract of <see cref="CaseReader"/>.</summary>
    public static void Reader(byte[] input)
    {
        var read = CheckedRead(input);
        if (read.Case is null)
        {
            return;
        }

        // A valid case, written back in the contract's form, reads back to the same case.
        var written = ContractJson.Serialize(read.Case, indented: false);
        var again = CaseReader.Read(Encoding.UTF8.GetBytes(written));
        Require(again.IsValid, $"a valid case, serialised, no longer reads: {Describe(again.Problems)}\n{written}");
        var rewritten = ContractJson.Serialize(again.Case!, indented: false);
        Require(rewritten == written, $"a valid case does not round-trip:\n{written}\n{rewritten}");
    }

    /// <summary>The CLI's <c>recommend</c> path: read, evaluate, write the result in every output format.</summary>
    public static void Recommend(byte[] input)
    {
        var read = CheckedRead(input);
        if (read.Case is null)
        {
            return;
        }

        CheckResult(Engine.Value.Evaluate(read.Case, null, read.Notices));
    }

    /// <summary>The <c>fhir recommend</c> path: FHIR JSON (read as the CLI reads a file) to a case, then a result.</summary>
    public static void Fhir(byte[] input)
    {
        var kb = KnowledgeLoader.Embedded;
        var mapping = FhirCaseReader.ReadJson(Encoding.UTF8.GetString(input), new FhirMappingOptions { AsOf = kb.ReleaseDate }, kb);
        Require(mapping.Problems is not null && mapping.Warnings is not null, "null problem or warning list");
        CheckProblems(mapping.Case, mapping.Problems!);
        foreach (var w in mapping.Warnings!)
        {
            Require(!string.IsNullOrWhiteSpace(w.Code) && !string.IsNullOrWhiteSpace(w.Message), $"a warning without code or message: {w}");
        }

        if (mapping.Case is not null)
        {
            CheckResult(Engine.Value.Evaluate(mapping.Case, kb.ReleaseDate, mapping.Warnings));
        }
    }

    private static ReadOutcome CheckedRead(byte[] input)
    {
        var read = CaseReader.Read(input);
        Require(read is not null, "CaseReader.Read returned null");
        Require(read!.Problems is not null && read.Notices is not null, "null problem or notice list");
        CheckProblems(read.Case, read.Problems!);
        foreach (var n in read.Notices!)
        {
            Require(!string.IsNullOrWhiteSpace(n.Code) && n.Path.StartsWith('$') && !string.IsNullOrWhiteSpace(n.Message), $"a malformed notice: {n}");
        }

        return read;
    }

    // Either a case and no problem, or no case and at least one problem; the front ends print problems as JSON.
    private static void CheckProblems(Case? c, IReadOnlyList<Problem> problems)
    {
        Require(c is null ? problems.Count > 0 : problems.Count == 0,
            c is null ? "no case and no problem" : $"a case and problems: {Describe(problems)}");
        foreach (var p in problems)
        {
            Require(p is not null && !string.IsNullOrEmpty(p.Path) && !string.IsNullOrWhiteSpace(p.Message), $"a problem without path or message: {p}");
        }

        if (problems.Count > 0)
        {
            ParseJson(ContractJson.Serialize(problems));
            ParseJson(ContractJson.Serialize(problems, indented: false));
        }
    }

    private static void CheckResult(Result result)
    {
        Require(result is not null, "Evaluate returned null");
        var offered = result!.SystemicTherapy.Options.Select(o => o.Therapy).ToHashSet();
        var both = result.SystemicTherapy.Avoid.Where(a => offered.Contains(a.Therapy)).Select(a => Codes.Therapy.Code(a.Therapy)).ToList();
        Require(both.Count == 0, $"offered and avoided at once: {string.Join(", ", both)}");
        ParseJson(ContractJson.Serialize(result));
        ParseJson(ContractJson.Serialize(result, indented: false));
        Require(MarkdownRenderer.Render(result, References.Value).Length > 0, "empty Markdown rendering");
        Require(HtmlRenderer.Render(result, References.Value).Length > 0, "empty HTML rendering");
    }

    private static void ParseJson(string json)
    {
        using var _ = JsonDocument.Parse(json);
    }

    private static string Describe(IReadOnlyList<Problem> problems) =>
        string.Join("; ", problems.Take(5).Select(p => $"{p.Path}: {p.Message}"));

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new FuzzContractException(message);
        }
    }
}

/// <summary>The product broke the contract a target checks without throwing itself.</summary>
internal sealed class FuzzContractException : Exception
{
    public FuzzContractException()
    {
    }

    public FuzzContractException(string message) : base(message)
    {
    }

    public FuzzContractException(string message, Exception inner) : base(message, inner)
    {
    }
}
