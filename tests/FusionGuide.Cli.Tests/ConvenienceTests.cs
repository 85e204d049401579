using System.Text.Json;

namespace FusionGuide.Cli.Tests;

/// <summary>
/// Command-line conveniences and kind errors (issue #23): <c>recommend -o FILE</c>, the default format by terminal,
/// <c>kb show --json</c>, and problems in sentences on a terminal with <c>--json-errors</c> for the contract's list.
/// </summary>
public sealed class ConvenienceTests
{
    private static readonly Terminal OnTerminal = new(StdoutIsTerminal: true, StderrIsTerminal: true, NoColor: false);

    private static (int Code, string Out, string Err) RunOn(Terminal terminal, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Dispatcher.Run(args, Stream.Null, stdout, stderr, terminal);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("fg-out-").FullName, name);

    private const string BadFish = """
        { "id": "bad-fish", "tests": [ { "gene": "ALK", "method": "fish", "sample": "tissue", "percentRearrangedCells": 130 } ],
          "history": [ { "therapy": "alectinib", "start": "02/2023" } ] }
        """;

    [Fact]
    public void Recommend_o_report_md_writes_markdown()
    {
        var file = TempFile("report.md");

        var (code, stdout, stderr) = Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "-o", file);

        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Equal("", stderr);
        var text = File.ReadAllText(file);
        Assert.StartsWith("#", text, StringComparison.Ordinal);
        Assert.Contains("lorlatinib", text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.tmp"));
    }

    [Fact]
    public void Recommend_o_report_html_writes_html()
    {
        var file = TempFile("report.html");

        Assert.Equal(0, Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "-o", file).Code);

        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Recommend_o_result_json_writes_the_contract_result()
    {
        var file = TempFile("result.json");

        Assert.Equal(0, Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "-o", file).Code);

        Cli.AssertSchemaValid(File.ReadAllText(file));
    }

    [Fact]
    public void Recommend_format_overrides_the_extension_of_o()
    {
        var file = TempFile("result.md");

        Assert.Equal(0, Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "-o", file, "--format", "json").Code);

        Cli.AssertSchemaValid(File.ReadAllText(file));
    }

    [Theory]
    [InlineData("report.txt")]
    [InlineData("report")]
    [InlineData("result.fhir.json")]
    public void Recommend_o_with_an_extension_that_names_no_format_is_a_usage_problem(string name)
    {
        var file = TempFile(name);

        var (code, stdout, stderr) = Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "-o", file);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("args", JsonDocument.Parse(stderr).RootElement[0].GetProperty("path").GetString());
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Recommend_prints_markdown_on_a_terminal()
    {
        var (code, stdout, _) = RunOn(OnTerminal, "recommend", Cli.Example("alk-g1202r-after-alectinib.json"));

        Assert.Equal(0, code);
        Assert.StartsWith("#", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_prints_json_when_stdout_is_piped()
    {
        var (code, stdout, _) = RunOn(Terminal.Redirected, "recommend", Cli.Example("alk-g1202r-after-alectinib.json"));

        Assert.Equal(0, code);
        Cli.AssertSchemaValid(stdout);
    }

    [Fact]
    public void Recommend_format_json_on_a_terminal_prints_json()
    {
        var (_, stdout, _) = RunOn(OnTerminal, "recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "--format", "json");

        Cli.AssertSchemaValid(stdout);
    }

    [Fact]
    public void Problems_on_a_terminal_are_sentences_naming_the_field_in_words()
    {
        var (code, stdout, stderr) = RunOn(OnTerminal, "validate", Cli.TempCase(BadFish));

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("Test 1, ALK FISH: % rearranged cells must be between 0 and 100.", stderr, StringComparison.Ordinal);
        Assert.Contains("Treatment 1 in the history: start date: '02/2023' is not a date", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", stderr, StringComparison.Ordinal);
        Assert.Contains("--json-errors", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_errors_on_a_terminal_prints_the_contract_list()
    {
        var (code, _, stderr) = RunOn(OnTerminal, "recommend", Cli.TempCase(BadFish), "--json-errors");

        Assert.Equal(2, code);
        var paths = JsonDocument.Parse(stderr).RootElement.EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Equal(["$.tests[0].percentRearrangedCells", "$.history[0].start"], paths);
    }

    [Fact]
    public void Problems_are_the_contract_json_list_when_stderr_is_redirected()
    {
        var (code, _, stderr) = Cli.Run("recommend", Cli.TempCase(BadFish));

        Assert.Equal(2, code);
        Assert.Equal(2, JsonDocument.Parse(stderr).RootElement.GetArrayLength());
    }

    [Fact]
    public void Json_syntax_error_on_a_terminal_says_line_and_column()
    {
        var (code, _, stderr) = RunOn(OnTerminal, "validate", Cli.TempCase("{\n  \"id\": \"x\",\n  \"tests\": [ }\n"));

        Assert.Equal(2, code);
        Assert.Contains("Not valid JSON at line 3, column ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_mistake_on_a_terminal_is_a_sentence()
    {
        var (code, _, stderr) = RunOn(OnTerminal, "recommend", Cli.Example("minimal-case.json"), "--as-of", "2024/01/01");

        Assert.Equal(2, code);
        Assert.Contains("--as-of: '2024/01/01' is not a date in the form YYYY-MM-DD.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_show_json_prints_the_drug_record_as_the_knowledge_base_holds_it()
    {
        var (code, stdout, _) = Cli.Run("kb", "show", "lorlatinib", "--json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("lorlatinib", root.GetProperty("id").GetString());
        Assert.True(root.GetProperty("dosing").GetArrayLength() > 0);
        var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Cli.Root, "knowledge", "drugs", "lorlatinib.json"))).RootElement;
        Assert.Equal(file.GetProperty("name").GetString(), root.GetProperty("name").GetString());
    }

    [Fact]
    public void Kb_show_json_prints_a_reference_record()
    {
        var (code, stdout, _) = Cli.Run("kb", "show", "--json", "crown-7y");

        Assert.Equal(0, code);
        Assert.Equal("crown-7y", JsonDocument.Parse(stdout).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Kb_show_json_of_an_unknown_id_is_invalid_input()
    {
        var (code, stdout, stderr) = Cli.Run("kb", "show", "no-such-id", "--json");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("args", JsonDocument.Parse(stderr).RootElement[0].GetProperty("path").GetString());
    }

    [Fact]
    public void No_color_is_read_from_the_environment_and_output_has_no_escape_codes()
    {
        var (_, stdout, _) = RunOn(OnTerminal with { NoColor = true }, "recommend", Cli.Example("alk-g1202r-after-alectinib.json"));

        Assert.DoesNotContain('\u001b', stdout);
    }
}
