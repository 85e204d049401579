using FusionGuide.Domain.Validation;
using FusionGuide.Server.Operations;

namespace FusionGuide.Server.Tests;

/// <summary>Options from the environment and a configuration file; secrets from files (never on the command line).</summary>
public sealed class ServerConfigurationTests : IDisposable
{
    private static readonly string[] Serve = ["--urls", "--db", "--postgres", "--api-key-file", "--audit-new-chain"];
    private readonly TempDir dir = new("fg-config-");

    public void Dispose() => dir.Dispose();

    private static (string[] Args, List<Problem> Problems) Apply(string[] args, Dictionary<string, string?> env, bool host = true)
    {
        var problems = new List<Problem>();
        var (result, _) = ServerConfiguration.Apply(args, Serve, host, problems, env);
        return (result, problems);
    }

    [Fact]
    public void An_option_comes_from_its_FUSIONGUIDE_variable_and_the_command_line_wins()
    {
        var env = new Dictionary<string, string?> { ["FUSIONGUIDE_DB"] = "/var/lib/fg/audit.db", ["FUSIONGUIDE_URLS"] = "http://0.0.0.0:9000" };
        var (args, problems) = Apply(["--urls", "http://127.0.0.1:8080"], env);
        Assert.Empty(problems);
        Assert.Equal(["--urls", "http://127.0.0.1:8080", "--db=/var/lib/fg/audit.db"], args);
    }

    [Fact]
    public void The_configuration_file_gives_options_the_environment_does_not()
    {
        var file = dir.File("fusionguide.json");
        File.WriteAllText(file, """{ "FusionGuide": { "db": "/from/file.db", "urls": "http://127.0.0.1:7000" } }""");
        var (args, problems) = Apply(["--config", file], new() { ["FUSIONGUIDE_URLS"] = "http://127.0.0.1:9000" });
        Assert.Empty(problems);
        Assert.Contains("--db=/from/file.db", args);
        Assert.Contains("--urls=http://127.0.0.1:9000", args);
        Assert.DoesNotContain(args, a => a.StartsWith("--config", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_audit_chain_is_never_begun_from_the_environment()
    {
        var (args, _) = Apply([], new() { ["FUSIONGUIDE_AUDIT_NEW_CHAIN"] = "true" });
        Assert.Empty(args);
    }

    [Fact]
    public void The_PostgreSQL_password_is_read_from_a_file_found_among_systemd_credentials()
    {
        File.WriteAllText(dir.File("postgres-password"), "s3cret;pw\n");
        var env = new Dictionary<string, string?> { ["CREDENTIALS_DIRECTORY"] = dir.Path, ["FUSIONGUIDE_POSTGRES_PASSWORD_FILE"] = "postgres-password" };
        var (args, problems) = Apply(["--postgres", "Host=db;Username=fusionguide_server;Database=fg"], env);
        Assert.Empty(problems);
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(args[1]);
        Assert.Equal("s3cret;pw", connection.Password);
        Assert.Equal("fusionguide_server", connection.Username);
    }

    [Fact]
    public void A_password_file_without_a_connection_or_unreadable_is_a_problem()
    {
        Assert.Contains(Apply(["--postgres-password-file", dir.File("pw")], []).Problems, p => p.Path == "--postgres-password-file");
        Assert.Contains(Apply(["--postgres", "Host=db", "--postgres-password-file", dir.File("absent")], []).Problems, p => p.Path == "--postgres-password-file");
    }

    [Fact]
    public void Json_logs_are_a_console_formatter_host_setting_and_other_formats_are_refused()
    {
        var (args, problems) = Apply(["--log-format", "json"], []);
        Assert.Empty(problems);
        Assert.Contains("--Logging:Console:FormatterName=json", args);
        Assert.Contains(Apply(["--log-format=xml"], []).Problems, p => p.Path == "--log-format");
    }
}
