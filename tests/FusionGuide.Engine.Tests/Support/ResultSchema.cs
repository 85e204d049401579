using System.Text.Json;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;
using Json.Schema;

namespace FusionGuide.Engine.Tests.Support;

/// <summary>Validates results against the contract's result.schema.json (docs/schema/).</summary>
internal static class ResultSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Repo.Contract, "result.schema.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static void AssertValid(Result result)
    {
        using var doc = JsonDocument.Parse(ContractJson.Serialize(result, indented: false));
        var outcome = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!outcome.IsValid)
        {
            var errors = (outcome.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(x => $"{d.InstanceLocation}: {x.Value}"));
            Assert.Fail("The result breaks result.schema.json: " + string.Join("; ", errors));
        }
    }
}
