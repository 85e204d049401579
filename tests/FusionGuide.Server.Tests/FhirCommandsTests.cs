using System.Text.Json;
using FusionGuide.Domain.Wire;
using FusionGuide.Fhir;
using FusionGuide.Testing.Fhir;
using FusionGuide.Server.Commands;

namespace FusionGuide.Server.Tests;

/// <summary><c>fhir</c> and <c>recommend --fhir</c> (run by the server executable): output and the contract's exit codes.</summary>
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

    [Theory]
    [InlineData("fhir")]
    [InlineData("recommend")]
    public void A_record_without_lung_cancer_is_out_of_scope_exit_2_never_driver_indeterminate(string command)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fusionguide-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p","gender":"female","birthDate":"1965-08-10"}}]}""");
        try
        {
            var (code, output, error) = command == "fhir" ? Run("fhir", path) : Run("recommend", "--fhir", path);
            Assert.Equal((2, ""), (code, output));
            // Warnings (one line each) come first; the problem list is the JSON array after them.
            var problems = JsonDocument.Parse(error[(error.StartsWith('[') ? 0 : error.IndexOf("\n[", StringComparison.Ordinal) + 1)..]).RootElement;
            Assert.StartsWith("out of scope: no lung cancer on record", problems[0].GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("indeterminate", error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","":1}""")]
    [InlineData("""{"resourceType":"Bundle","type":"collection","entry":{"resource":{"resourceType":"Patient","id":"p"}}}""")]
    public void Unreadable_fhir_that_the_sdk_parser_accepts_is_exit_2_not_an_internal_error(string json)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);
            var (code, output, error) = Run("recommend", "--fhir", file);
            Assert.Equal((2, ""), (code, output));
            Assert.DoesNotContain("internal", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
