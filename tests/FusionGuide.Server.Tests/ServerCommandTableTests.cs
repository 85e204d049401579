using System.Text.Json;
using FusionGuide.Server.Commands;

namespace FusionGuide.Server.Tests;

/// <summary>The server executable routes by the same command table as the CLI and the launcher.</summary>
public sealed class ServerCommandTableTests
{
    [Fact]
    public void The_server_has_an_entry_for_every_command_the_table_gives_it_and_no_other()
    {
        Assert.Equal(CommandTable.RunBy(Executable.Server).Select(c => $"{c.Name} {c.Requires}").Order(),
            ServerProgram.Handlers.Keys.Select(c => $"{c.Name} {c.Requires}").Order());
    }

    [Theory]
    [InlineData("serve", "--help")]
    [InlineData("help", "audit", "verify")]
    public async Task A_command_s_help_is_generated_from_the_table(params string[] args)
    {
        var (code, stdout, _) = await Run(args);

        Assert.Equal(ExitCodes.Ok, code);
        var command = CommandTable.Find(args[0] == "help" ? args[1..] : args)!;
        Assert.StartsWith($"Usage: fusionguide-server {command.Synopsis}", stdout, StringComparison.Ordinal);
        Assert.All(command.Options, o => Assert.Contains(o.Name, stdout, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("'recommend' is run by fusionguide", "recommend", "case.json")]
    [InlineData("'kb show' is run by fusionguide", "kb", "show", "lorlatinib")]
    [InlineData("audit needs a subcommand: verify, migrate, archive or list", "audit")]
    public async Task A_command_the_server_does_not_run_is_a_usage_problem_that_says_why(string message, params string[] args)
    {
        var (code, stdout, stderr) = await Run(args);

        Assert.Equal((ExitCodes.InvalidInput, ""), (code, stdout));
        Assert.StartsWith(message, JsonDocument.Parse(stderr).RootElement[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_FHIR_commands_read_as_of_with_the_same_parser_as_the_CLI()
    {
        var (code, _, stderr) = await Run("fhir", "bundle.json", "--as-of", "2024/01/01");

        Assert.Equal(ExitCodes.InvalidInput, code);
        var problem = JsonDocument.Parse(stderr).RootElement.EnumerateArray().Single(p => p.GetProperty("path").GetString() == "--as-of");
        Assert.Equal("'2024/01/01' is not a date in the form YYYY-MM-DD", problem.GetProperty("message").GetString());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ServerProgram.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
