using System.Text.Json;
using FusionGuide.Testing;

namespace FusionGuide.Cli.Tests;

/// <summary>Issue #24 item 7: <c>--knowledge DIR</c> uses a released knowledge folder after full validation, and refuses a broken one.</summary>
public sealed class KnowledgeOptionTests : IDisposable
{
    private readonly TempDir dir = new("fg-kb-option-");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_valid_knowledge_folder_with_a_bumped_version_is_used_and_stamped_in_the_result()
    {
        var folder = KnowledgeCopy.WithVersion(dir, "2099.1.0");
        var (code, stdout, stderr) = Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "--format", "json", "--knowledge", folder);
        Assert.True(code == 0, stderr);
        using var result = JsonDocument.Parse(stdout);
        Assert.Equal("2099.1.0", result.RootElement.GetProperty("knowledgeBaseVersion").GetString());

        // Without the option the embedded release answers, as before.
        var (_, embedded, _) = Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "--format", "json");
        Assert.NotEqual("2099.1.0", JsonDocument.Parse(embedded).RootElement.GetProperty("knowledgeBaseVersion").GetString());
    }

    [Fact]
    public void Batch_stamps_the_folder_version_in_every_result()
    {
        var folder = KnowledgeCopy.WithVersion(dir, "2099.1.0");
        var input = dir.File("cases.ndjson");
        var line = JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(Cli.Example("alk-g1202r-after-alectinib.json"))).RootElement);
        File.WriteAllLines(input, [line, line]);
        var output = dir.File("results.ndjson");
        var (code, _, stderr) = Cli.Run("batch", input, "-o", output, "--no-progress", "--knowledge", folder);
        Assert.True(code == 0, stderr);
        Assert.All(File.ReadAllLines(output), l => Assert.Equal("2099.1.0", JsonDocument.Parse(l).RootElement.GetProperty("knowledgeBaseVersion").GetString()));
    }

    [Fact]
    public void A_broken_knowledge_folder_is_refused_with_exit_2_listing_its_problems_and_nothing_is_answered()
    {
        var folder = KnowledgeCopy.Broken(dir);
        var (code, stdout, stderr) = Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "--format", "json", "--knowledge", folder);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var problems = JsonDocument.Parse(stderr).RootElement.EnumerateArray().ToList();
        Assert.All(problems, p => Assert.Equal("--knowledge", p.GetProperty("path").GetString()));
        Assert.Contains(problems, p => p.GetProperty("message").GetString()!.Contains("drugs/lorlatinib.json", StringComparison.Ordinal));
        Assert.Equal(2, Cli.Run("recommend", Cli.Example("alk-g1202r-after-alectinib.json"), "--knowledge", dir.File("no-such-folder")).Code);
    }
}
