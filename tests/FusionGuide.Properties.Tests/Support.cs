using System.Text.Json;
using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Loading;
using Json.Schema;

namespace FusionGuide.Properties.Tests;

/// <summary>One engine, one knowledge base and one parsed result schema for every property.</summary>
internal static class World
{
    private static readonly Lazy<JsonSchema> SchemaValue = new(() =>
        JsonSchema.FromText(File.ReadAllText(ContractFile("result.schema.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static KnowledgeBase Kb => KnowledgeLoader.Embedded;

    public static FusionEngine Engine { get; } = new(KnowledgeLoader.Embedded);

    public static JsonSchema Schema => SchemaValue.Value;

    /// <summary>The repository root: the nearest folder above the tests that holds FusionGuide.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Serialises a case and reads it back through the validating reader, as the CLI and server do.</summary>
    public static (Case Case, IReadOnlyList<InputNotice> Notices) RoundTrip(Case c)
    {
        var json = ContractJson.Serialize(c, indented: false);
        var read = CaseReader.Read(json);
        if (read.Case is null)
        {
            throw new InvalidOperationException("the reader rejects a generated case: " +
                string.Join("; ", read.Problems.Select(p => $"{p.Path}: {p.Message}")) + "\n" + json);
        }

        return (read.Case, read.Notices);
    }

    /// <summary>Evaluates a case and returns the result with its compact JSON.</summary>
    public static (Result Result, string Json) Evaluate(Case c, IReadOnlyList<InputNotice> notices)
    {
        var result = Engine.Evaluate(c, null, notices);
        return (result, ContractJson.Serialize(result, indented: false));
    }

    /// <summary>Schema errors of a result's JSON (empty when valid).</summary>
    public static IReadOnlyList<string> SchemaErrors(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var outcome = Schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return outcome.IsValid
            ? []
            : [.. (outcome.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(x => $"{d.InstanceLocation}: {x.Value}"))];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FusionGuide.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cannot find FusionGuide.slnx above {AppContext.BaseDirectory}.");
    }

    // The contract's schemas: the repository's copy in docs/schema/, else shared/contract beside the repository.
    private static string ContractFile(string file)
    {
        foreach (var folder in new[] { Path.Combine(Root, "docs", "schema"), Path.Combine(Root, "..", "shared", "contract") })
        {
            if (File.Exists(Path.Combine(folder, file)))
            {
                return Path.Combine(folder, file);
            }
        }

        throw new FileNotFoundException($"{file} is neither in docs/schema/ nor in ../shared/contract/ (repository {Root}).");
    }
}
