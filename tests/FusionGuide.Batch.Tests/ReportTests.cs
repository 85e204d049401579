using System.Text;
using FusionGuide.Cohort.Batch;
using FusionGuide.Cohort.Report;
using FusionGuide.Cohort.Synthesis;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Batch.Tests;

public sealed class ReportTests
{
    private static async Task<string> Report(string ndjson)
    {
        var stats = new CohortStats();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(ndjson));
        await BatchRunner.RunAsync(input, Stream.Null, new FusionEngine(KnowledgeLoader.Embedded), new BatchOptions(2), stats, cancel: TestContext.Current.CancellationToken);
        return CohortReport.Render(stats, new ReportHeader("cohort.ndjson", "test", "2026-11-24"));
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "FusionGuide.slnx")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    private static string Cohort(int n)
    {
        using var ms = new MemoryStream();
        new CaseSynthesizer(KnowledgeLoader.Embedded, 11).WriteNdjson(ms, n);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    [Fact]
    public async Task Report_has_every_section_and_no_script_or_external_resource()
    {
        var html = await Report(Cohort(400));
        foreach (var id in new[] { "drivers", "settings", "first-choices", "avoid-reasons", "warning-codes", "concordance", "non-concordant" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Report_is_deterministic()
    {
        var cohort = Cohort(150);
        Assert.Equal(await Report(cohort), await Report(cohort));
    }

    [Fact]
    public async Task Case_ids_are_escaped()
    {
        var example = Domain.Validation.CaseReader.Read(File.ReadAllBytes(Path.Combine(Root(), "examples", "alk-first-line.json"))).Case!;
        var c = example with { Id = "<img src=x onerror=alert(1)>&", GivenNext = Domain.Therapy.Docetaxel };
        var html = await Report(ContractJson.Serialize(c, indented: false) + "\n");
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&amp;", html, StringComparison.Ordinal);
    }
}
