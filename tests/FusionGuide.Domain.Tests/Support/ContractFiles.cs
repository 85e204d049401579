using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FusionGuide.Domain.Tests.Support;

/// <summary>The normative contract files in shared/contract beside the repository, and a schema validator over them.</summary>
internal static class ContractFiles
{
    private const string ContractFolder = "shared/contract";

    private static readonly Lazy<string> Folder = new(Locate);
    private static readonly Lazy<JsonSchema> CaseSchemaValue = new(() => Build("case.schema.json"));

    public static string CaseSchemaText => File.ReadAllText(Path.Combine(Folder.Value, "case.schema.json"));

    public static string ResultSchemaText => File.ReadAllText(Path.Combine(Folder.Value, "result.schema.json"));

    /// <summary>Evaluates a document against case.schema.json; returns the instance locations the schema reports errors at.</summary>
    public static SchemaVerdict EvaluateCase(JsonNode? document)
    {
        using var doc = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var results = CaseSchemaValue.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errorLocations = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .Select(d => d.InstanceLocation.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new SchemaVerdict(results.IsValid, errorLocations);
    }

    // Walks up from the test binary: the contract lives in shared/contract next to the repository (<repo>/../shared).
    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ContractFolder);
            if (File.Exists(Path.Combine(candidate, "case.schema.json")))
            {
                return candidate;
            }
        }

        Assert.Fail($"Cannot find {ContractFolder}/case.schema.json in any folder above {AppContext.BaseDirectory}. " +
            "The contract is expected at <repo>/../shared/contract (a clone with shared/ beside it).");
        return "";
    }

    private static JsonSchema Build(string file)
    {
        // A private registry: the schema's $id is relative, and the global registry is shared by every test.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder.Value, file)), options);
    }
}

/// <summary>What the schema said about one document.</summary>
internal sealed record SchemaVerdict(bool IsValid, IReadOnlyList<string> ErrorLocations);
