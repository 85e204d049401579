using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Cli.Tests;

/// <summary>The repository documents its own case format (docs/case-format.md, docs/schema/): the template it shows works.</summary>
public sealed partial class CaseFormatDocTests
{
    private static string Doc => File.ReadAllText(Path.Combine(Cli.Root, "docs", "case-format.md"));

    [Fact]
    public void Minimal_case_validates_and_gives_a_schema_valid_result()
    {
        var path = Cli.Example("minimal-case.json");
        var (code, stdout, stderr) = Cli.Run("validate", path);
        Assert.True(code == 0, stderr);
        Assert.Contains("valid: case minimal-001", stdout, StringComparison.Ordinal);
        var (rc, result, _) = Cli.Run("recommend", path);
        Assert.Equal(0, rc);
        Cli.AssertSchemaValid(result);
    }

    [Fact]
    public void The_doc_shows_the_minimal_case_as_the_example_file_holds_it()
    {
        var block = FirstJsonBlock().Match(Doc);
        Assert.True(block.Success, "docs/case-format.md has no ```json block");
        var shown = JsonNode.Parse(block.Groups[1].Value);
        var file = JsonNode.Parse(File.ReadAllText(Cli.Example("minimal-case.json")));
        Assert.True(JsonNode.DeepEquals(shown, file), "the first JSON block of docs/case-format.md differs from examples/minimal-case.json");
    }

    [Fact]
    public void Doc_schemas_and_the_engine_name_the_same_contract_version()
    {
        Assert.Equal("1.1", ContractVersion.Current);
        Assert.Contains("contract version 1.1", Doc, StringComparison.Ordinal);
        foreach (var schema in new[] { "case.schema.json", "result.schema.json" })
        {
            var title = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(Cli.Root, "docs", "schema", schema)))!["title"];
            Assert.Contains("contract version 1.1", title, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex FirstJsonBlock();
}
