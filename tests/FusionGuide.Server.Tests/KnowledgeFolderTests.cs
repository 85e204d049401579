using System.Net;
using FusionGuide.Domain.Validation;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Server.Operations;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

/// <summary>Issue #24 item 7: the server answers from a released knowledge folder given at start, and refuses to start on a broken one.</summary>
public sealed class KnowledgeFolderTests : IDisposable
{
    private readonly TempDir dir = new("fg-kb-serve-");

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task A_server_given_a_valid_folder_with_a_bumped_version_stamps_it_in_every_result_and_audit_record()
    {
        var folder = KnowledgeCopy.WithVersion(dir, "2099.1.0");
        var kb = KnowledgeLoader.LoadDirectory(folder).KnowledgeBase!;
        await using var server = await RunningServer.StartAsync(s => s with { Knowledge = kb, KnowledgeDirectory = folder });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var served = await Http.Post(client, "/v1/recommend", Http.Json(Http.ExampleCase));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("2099.1.0", (await Http.Body(served)).GetProperty("knowledgeBaseVersion").GetString());
        var id = long.Parse(served.Headers.GetValues("X-Audit-Record").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("2099.1.0", (await server.Audit.GetAsync(id, TestContext.Current.CancellationToken))!.Entry.KnowledgeBaseVersion);
    }

    [Fact]
    public async Task Serve_refuses_to_start_on_a_broken_folder_listing_its_problems()
    {
        var folder = KnowledgeCopy.Broken(dir);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Commands.ServerProgram.RunAsync(["serve", "--db", dir.File("audit.db"), "--knowledge", folder, "--urls", "http://127.0.0.1:0"], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains("drugs/lorlatinib.json", stderr.ToString(), StringComparison.Ordinal);
        Assert.All(System.Text.Json.JsonDocument.Parse(stderr.ToString()).RootElement.EnumerateArray(), p => Assert.Equal("--knowledge", p.GetProperty("path").GetString()));
        Assert.False(File.Exists(dir.File("audit.db")), "a server refused at start writes no audit store");
    }

    [Fact]
    public void The_folder_may_come_from_FUSIONGUIDE_KNOWLEDGE_and_the_command_line_wins()
    {
        var problems = new List<Problem>();
        var known = Commands.CommandLine.ConfigurableOptions(CommandTable.Serve);
        var env = new Dictionary<string, string?> { ["FUSIONGUIDE_KNOWLEDGE"] = "/srv/fusionguide/knowledge-2026.12.2" };
        var (fromEnv, _) = ServerConfiguration.Apply([], known, passHostSettings: true, problems, env);
        Assert.Contains("--knowledge=/srv/fusionguide/knowledge-2026.12.2", fromEnv);
        var (given, _) = ServerConfiguration.Apply(["--knowledge", "/other"], known, passHostSettings: true, problems, env);
        Assert.DoesNotContain(given, a => a.StartsWith("--knowledge=", StringComparison.Ordinal));
        Assert.Empty(problems);
    }
}
