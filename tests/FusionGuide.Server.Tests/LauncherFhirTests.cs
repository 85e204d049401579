using System.Diagnostics;
using System.Text.Json;
using FusionGuide.Fhir;
using FusionGuide.Testing.Fhir;

namespace FusionGuide.Server.Tests;

/// <summary>The <c>./fusionguide</c> launcher hands <c>fhir</c> and <c>recommend --fhir</c> to the server executable.</summary>
public sealed class LauncherFhirTests : IDisposable
{
    private readonly TempDir dir = new("fg-launcher-");

    public void Dispose() => dir.Dispose();

    private static async Task<(int Code, string Out, string Err)> Launch(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Paths.Root, "fusionguide")) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Paths.Root };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Fhir_prints_a_case_and_recommend_with_fhir_prints_a_result()
    {
        var bundle = dir.File("alk-g1202r.json");
        await File.WriteAllTextAsync(bundle, FhirJson.Serialize(Scenarios.AlkG1202R().Bundle()), TestContext.Current.CancellationToken);

        var (code, output, error) = await Launch("fhir", bundle, "--as-of", "2026-11-24", "--region", "US");
        Assert.True(code == 0, error);
        using (var doc = JsonDocument.Parse(output))
        {
            Assert.Equal("alk03", doc.RootElement.GetProperty("id").GetString());
            Assert.Equal("alectinib", doc.RootElement.GetProperty("history")[0].GetProperty("therapy").GetString());
        }

        (code, output, error) = await Launch("recommend", "--fhir", bundle, "--as-of", "2026-11-24", "--region", "US");
        Assert.True(code == 0, error);
        using (var doc = JsonDocument.Parse(output))
        {
            Assert.Equal("lorlatinib", doc.RootElement.GetProperty("systemicTherapy").GetProperty("options")[0].GetProperty("therapy").GetString());
        }
    }
}
