using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FusionGuide.Domain.Tests.Support;

/// <summary>The normative contract files — the repository's copy in docs/schema/ (else shared/contract beside the repository) — and a schema validator over them.</summary>
internal static class ContractFiles
{
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

    // Walks up from the test binary to the repository (FusionGuide.slnx): docs/schema/ there, else ../shared/contract.
    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "FusionGuide.slnx")))
            {
                continue;
            }

            foreach (var candidate in new[] { Path.Combine(dir.FullName, "docs", "schema"), Path.Combine(dir.FullName, "..", "shared", "contract") })
            {
                if (File.Exists(Path.Combine(candidate, "case.schema.json")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        Assert.Fail($"Cannot find docs/schema/case.schema.json (or ../shared/contract/case.schema.json) in the repository above {AppContext.BaseDirectory}.");
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
