using FusionGuide.Server.Hosting;

namespace FusionGuide.Server.Tests;

/// <summary>Issue #24 item 5: <c>keys add</c> and <c>keys hash</c> make the lines of the named-key file; a key is printed once and stored nowhere.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDir dir = new("fg-keys-");

    public void Dispose() => dir.Dispose();

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Commands.ServerProgram.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Keys_add_appends_a_hashed_line_prints_the_key_once_and_the_file_then_accepts_that_key_only()
    {
        var file = dir.File("api-keys");
        var (code, key, _) = await Run("keys", "add", "ehr-integration", "integration", "--api-keys", file);
        Assert.Equal(0, code);
        var (code2, auditorKey, _) = await Run("keys", "add", "audit-office", "auditor", "--api-keys", file);
        Assert.Equal(0, code2);
        (key, auditorKey) = (key.Trim(), auditorKey.Trim());

        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(key["fgk_".Length..][..12], text, StringComparison.Ordinal);
        var (keys, problems) = NamedApiKeys.Parse(text);
        Assert.Empty(problems);
        Assert.Equal(("ehr-integration", CallerRole.Integration), (keys.Find(key)!.Name, keys.Find(key)!.Role));
        Assert.Equal(CallerRole.Auditor, keys.Find(auditorKey)!.Role);
        Assert.Null(keys.Find(key + "x"));

        // The same name twice is refused, and the file is left as it was.
        Assert.Equal(2, (await Run("keys", "add", "ehr-integration", "clinician", "--api-keys", file)).Code);
        Assert.Equal(text, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("ward 7", "clinician")]
    [InlineData("ward-7", "admin")]
    public async Task Keys_add_refuses_a_bad_name_or_an_unknown_role(string name, string role)
    {
        var (code, stdout, stderr) = await Run("keys", "add", name, role, "--api-keys", dir.File("api-keys"));
        Assert.Equal((2, ""), (code, stdout));
        Assert.Equal("args", System.Text.Json.JsonDocument.Parse(stderr).RootElement[0].GetProperty("path").GetString());
        Assert.False(File.Exists(dir.File("api-keys")));
    }

    [Theory]
    [InlineData("ward-7 clinician")]
    [InlineData("ward-7 clinician sha256:00:00")]
    [InlineData("ward-7 nurse sha256:00000000000000000000000000000000:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("fgk_a-key-pasted-here-by-mistake-0123456789")]
    public void A_key_file_line_that_cannot_be_used_is_a_problem_naming_its_line(string line)
    {
        var (_, problems) = NamedApiKeys.Parse("# keys\n" + line + "\n");
        Assert.StartsWith("line 2:", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_hash_prints_the_line_for_a_key_read_from_standard_input()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Commands.KeysCommands.Hash(["lab-system", "integration"], new StringReader("a-key-made-by-the-hospital-vault-01\n"), stdout, stderr);
        Assert.Equal(0, code);
        var (keys, problems) = NamedApiKeys.Parse(stdout.ToString());
        Assert.Empty(problems);
        Assert.Equal("lab-system", keys.Find("a-key-made-by-the-hospital-vault-01")!.Name);
        Assert.Equal(2, Commands.KeysCommands.Hash(["lab-system", "integration"], new StringReader("short\n"), new StringWriter(), new StringWriter()));
    }
}
