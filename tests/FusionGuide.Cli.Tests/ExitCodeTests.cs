using System.Text.Json;

namespace FusionGuide.Cli.Tests;

public sealed class ExitCodeTests
{
    private const string Valid = """{"id":"t1","tumor":{"histology":"adenocarcinoma","stage":"IVB"},"tests":[{"gene":"ALK","method":"ihc","clone":"D5F3","sample":"tissue","result":"positive"}],"context":{"region":"US"}}""";

    private static JsonElement[] Problems(string stderr) => [.. JsonDocument.Parse(stderr).RootElement.EnumerateArray()];

    [Fact]
    public void Recommend_valid_case_exits_0_with_a_schema_valid_result()
    {
        var (code, stdout, stderr) = Cli.Run("recommend", Cli.TempCase(Valid));
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Cli.AssertSchemaValid(stdout);
        Assert.Equal("t1", JsonDocument.Parse(stdout).RootElement.GetProperty("caseId").GetString());
    }

    [Fact]
    public void Invalid_case_exits_2_with_every_problem_on_stderr_and_nothing_on_stdout()
    {
        var bad = Valid.Replace("\"IVB\"", "\"V\"", StringComparison.Ordinal).Replace("\"ALK\"", "\"ALKK\"", StringComparison.Ordinal);
        var (code, stdout, stderr) = Cli.Run("recommend", Cli.TempCase(bad));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var paths = Problems(stderr).Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.tumor.stage", paths);
        Assert.Contains("$.tests[0].gene", paths);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"id\": ")]
    public void Unreadable_documents_exit_2_with_a_problem_at_the_root(string text)
    {
        var (code, stdout, stderr) = Cli.Run("recommend", Cli.TempCase(text));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("$", Problems(stderr)[0].GetProperty("path").GetString());
    }

    [Fact]
    public void Missing_file_exits_2_with_a_problem_at_the_root()
    {
        var (code, _, stderr) = Cli.Run("recommend", "/nonexistent/case.json");
        Assert.Equal(2, code);
        Assert.Contains("no such file", Problems(stderr)[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of", "2024-13-01")]
    [InlineData("--format", "pdf")]
    [InlineData("--colour", "red")]
    public void Bad_options_exit_2(string option, string value)
    {
        var (code, stdout, _) = Cli.Run("recommend", Cli.TempCase(Valid), option, value);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Unknown_command_exits_2()
    {
        Assert.Equal(2, Cli.Run("recommendd").Code);
    }

    [Fact]
    public void As_of_changes_the_evaluation_date_in_the_result()
    {
        var (code, stdout, _) = Cli.Run("recommend", Cli.TempCase(Valid), "--as-of", "2023-06-01");
        Assert.Equal(0, code);
        Assert.Equal("2023-06-01", JsonDocument.Parse(stdout).RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Validate_accepts_a_valid_case_and_rejects_an_invalid_one()
    {
        Assert.Equal(0, Cli.Run("validate", Cli.TempCase(Valid)).Code);
        Assert.Equal(2, Cli.Run("validate", Cli.TempCase("""{"tests":[{"gene":"ALK"}]}""")).Code);
    }

    [Fact]
    public void Version_names_engine_contract_and_knowledge_base()
    {
        var (code, stdout, _) = Cli.Run("--version");
        Assert.Equal(0, code);
        Assert.Contains("knowledge base 2026.12.23", stdout, StringComparison.Ordinal);
        Assert.Contains("contract 1.1", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\(released \d{4}-\d{2}-\d{2}\)", stdout);
    }

    [Fact]
    public void Example_case_in_the_readme_gives_a_schema_valid_result()
    {
        var (code, stdout, _) = Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"));
        Assert.Equal(0, code);
        Cli.AssertSchemaValid(stdout);
        var first = JsonDocument.Parse(stdout).RootElement.GetProperty("systemicTherapy").GetProperty("options")[0].GetProperty("therapy").GetString();
        Assert.Equal("lorlatinib", first);
    }

    [Theory]
    [InlineData("""{"id":"t\u00001"}""", "$.id")]
    [InlineData("""{"id":"t1","medications":["itra\nconazole"]}""", "$.medications[0]")]
    [InlineData("""{"id":"t1","patient":{"sex":"female\u007f"}}""", "$.patient.sex")]
    [InlineData("""{"id":"t1","extension":"\u202eevil"}""", "$.extension")]
    public void A_control_character_in_any_string_exits_2_with_its_path(string json, string path)
    {
        foreach (var command in new[] { "recommend", "validate" })
        {
            var (code, stdout, stderr) = Cli.Run(command, Cli.TempCase(json));
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            // An enumeration's value is also not one of its codes: that is a second problem at the same path.
            var problems = Problems(stderr);
            Assert.All(problems, p => Assert.Equal(path, p.GetProperty("path").GetString()));
            Assert.StartsWith("holds the character U+", problems[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_dash_reads_the_case_from_the_standard_input_the_command_is_given()
    {
        var (code, stdout, stderr) = Cli.RunWithInput(Valid, "recommend", "-");
        Assert.Equal((0, ""), (code, stderr));
        Assert.Equal("t1", JsonDocument.Parse(stdout).RootElement.GetProperty("caseId").GetString());

        (code, stdout, _) = Cli.RunWithInput(Valid, "validate", "-");
        Assert.Equal(0, code);
        Assert.StartsWith("valid: case t1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_case_on_standard_input_exits_2_with_its_problems()
    {
        var (code, stdout, stderr) = Cli.RunWithInput("""{"tests":[{"gene":"ALKK"}]}""", "validate", "-");
        Assert.Equal((2, ""), (code, stdout));
        Assert.Contains(Problems(stderr), p => p.GetProperty("path").GetString() == "$.tests[0].gene");
    }
}
