using System.Text.Json;
using FusionGuide.Domain.Wire;
using FusionGuide.Fhir.Cli;
using FusionGuide.Fhir.Tests.Support;

namespace FusionGuide.Fhir.Tests;

/// <summary><c>fhir</c> and <c>recommend --fhir</c>: output and the contract's exit codes.</summary>
public sealed class FhirCommandsTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = FhirCommands.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Write(BundleBuilder b)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fusionguide-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, FhirJson.Serialize(b.Bundle()));
        return path;
    }

    [Fact]
    public void Fhir_prints_the_case()
    {
        var (code, output, _) = Run("fhir", Write(Scenarios.AlkG1202R()), "--as-of", "2026-11-24", "--region", "US");
        Assert.Equal(0, code);
        Assert.Equal(ContractJson.Serialize(Scenarios.Case(Scenarios.AlkG1202RJson())), output.TrimEnd());
    }

    [Theory]
    [InlineData("json", "\"knowledgeBaseVersion\"")]
    [InlineData("markdown", "# ")]
    [InlineData("html", "<!DOCTYPE html>")]
    public void Recommend_prints_the_result(string format, string marker)
    {
        var (code, output, _) = Run("recommend", "--fhir", Write(Scenarios.AlkG1202R()), "--format", format, "--as-of", "2026-11-24");
        Assert.Equal(0, code);
        Assert.Contains(marker, output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("orlatinib", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HL7_GenomeX_bundle_recommends_for_an_ALK_fusion_and_carries_the_skipped_facts_as_warnings()
    {
        var (code, output, _) = Run("recommend", "--fhir", Path.Combine(Examples.Directory, "mcode4-Bundle-gx-genomic-bundle-adam-anyperson.json"));
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("ALK", doc.RootElement.GetProperty("diagnosis").GetProperty("driver").GetString());
        Assert.Contains(doc.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "fhir-skipped");
    }

    [Theory]
    [InlineData("fhir")]
    [InlineData("fhir", "missing.json")]
    [InlineData("recommend", "--fhir", "x.json", "--format", "pdf")]
    [InlineData("fhir", "x.json", "--as-of", "tomorrow")]
    [InlineData("other")]
    public void Invalid_input_exits_2_with_problems_on_stderr_and_nothing_on_stdout(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.NotEmpty(JsonDocument.Parse(error).RootElement.EnumerateArray());
    }

    [Fact]
    public void Unreadable_FHIR_exits_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fusionguide-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"resourceType\":\"Observation\",\"status\":42");
        var (code, output, error) = Run("fhir", path);
        Assert.Equal((2, ""), (code, output));
        Assert.Equal("$", JsonDocument.Parse(error).RootElement[0].GetProperty("path").GetString());
    }
}
