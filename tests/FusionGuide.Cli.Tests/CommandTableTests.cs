using System.Diagnostics;
using System.Text.Json;
using FusionGuide.CommandLine;

namespace FusionGuide.Cli.Tests;

/// <summary>
/// One front door: the command table routes the CLI, the server and the <c>./fusionguide</c> launcher alike, parses
/// every command's options the same way and writes the help; a command added to one and not the others fails here.
/// </summary>
public sealed class CommandTableTests
{
    private static JsonElement[] Problems(string stderr) => [.. JsonDocument.Parse(stderr).RootElement.EnumerateArray()];

    [Fact]
    public void The_CLI_has_an_entry_for_every_command_the_table_gives_it_and_no_other()
    {
        Assert.Equal(CommandTable.RunBy(Executable.Cli).Select(c => c.Name).Order(), Dispatcher.Handlers.Keys.Select(c => c.Name).Order());
        Assert.All(Dispatcher.Handlers.Keys, c => Assert.Equal(Executable.Cli, c.Host));
    }

    [Fact]
    public void The_launcher_sends_each_command_to_the_executable_the_table_names()
    {
        foreach (var command in CommandTable.All)
        {
            string[] line = command.Requires is null ? [.. command.Words, "x"] : [.. command.Words, command.Requires, "x"];
            Assert.True(LauncherTarget(line) == (command.Host == Executable.Server ? "server" : "cli"), $"the launcher sends '{string.Join(' ', line)}' to the wrong executable");
        }

        // A command no table names goes to the CLI, which says it is unknown.
        Assert.Equal("cli", LauncherTarget("no-such-command"));
    }

    [Fact]
    public void Help_lists_every_command_of_both_executables_and_exits_0()
    {
        var (code, stdout, _) = Cli.Run("--help");

        Assert.Equal(0, code);
        Assert.All(CommandTable.All, c => Assert.Contains(c.Synopsis, stdout, StringComparison.Ordinal));
        Assert.Contains("Exit codes: 0", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recommend", "--help")]
    [InlineData("help", "recommend")]
    public void A_command_s_help_lists_its_options(params string[] args)
    {
        var (code, stdout, stderr) = Cli.Run(args);

        Assert.Equal((0, ""), (code, stderr));
        Assert.StartsWith("Usage: fusionguide recommend CASE.json", stdout, StringComparison.Ordinal);
        Assert.All(CommandTable.Recommend.Options, o => Assert.Contains(o.Name, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void No_command_is_invalid_usage_with_nothing_on_stdout()
    {
        var (code, stdout, stderr) = Cli.Run();

        Assert.Equal((2, ""), (code, stdout));
        Assert.Equal("args", Problems(stderr)[0].GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("kb needs a subcommand: validate, version, show, refs, diff or audit", "kb")]
    [InlineData("unknown kb subcommand 'shoe'", "kb", "shoe", "lorlatinib")]
    [InlineData("'serve' is run by fusionguide-server", "serve")]
    [InlineData("'recommend --fhir' is run by fusionguide-server", "recommend", "--fhir", "b.json")]
    [InlineData("unknown command 'recommendd'", "recommendd")]
    public void A_command_the_CLI_does_not_run_is_a_usage_problem_that_says_why(string message, params string[] args)
    {
        var (code, stdout, stderr) = Cli.Run(args);

        Assert.Equal((2, ""), (code, stdout));
        Assert.StartsWith(message, Problems(stderr)[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recommend", "{case}")]
    [InlineData("batch", "{case}")]
    [InlineData("kb", "diff", "--old", "{kb}", "--new", "{kb}")]
    public void Every_as_of_is_read_by_one_parser_with_one_problem(params string[] command)
    {
        var file = Cli.TempCase("{}");
        string[] args = [.. command.Select(a => a.Replace("{case}", file, StringComparison.Ordinal).Replace("{kb}", Path.Combine(Cli.Root, "knowledge"), StringComparison.Ordinal)), "--as-of", "2024/01/01"];

        var (code, stdout, stderr) = Cli.Run(args);

        Assert.Equal((2, ""), (code, stdout));
        var problem = Assert.Single(Problems(stderr));
        Assert.Equal(("--as-of", "'2024/01/01' is not a date in the form YYYY-MM-DD"), (problem.GetProperty("path").GetString(), problem.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("-o", "a.json", "--output", "b.json")]
    [InlineData("--format", "json", "--format", "html")]
    [InlineData("--format=json", "--format", "html")]
    public void An_option_given_twice_is_a_usage_problem(params string[] options)
    {
        var (code, stdout, stderr) = Cli.Run(["recommend", Cli.Example("minimal-case.json"), .. options]);

        Assert.Equal((2, ""), (code, stdout));
        Assert.EndsWith("is given twice", Problems(stderr)[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_may_be_written_with_an_equals_sign()
    {
        var (code, stdout, _) = Cli.Run("recommend", Cli.Example("minimal-case.json"), "--as-of=2023-06-01", "--format=json");

        Assert.Equal(0, code);
        Assert.Equal("2023-06-01", JsonDocument.Parse(stdout).RootElement.GetProperty("asOf").GetString());
    }

    /// <summary>Which executable the launcher picks for <paramref name="args"/> (it prints it and stops, building nothing).</summary>
    private static string LauncherTarget(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Cli.Root, "fusionguide")) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["FUSIONGUIDE_PRINT_TARGET"] = "1";
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return output.Trim();
    }
}
