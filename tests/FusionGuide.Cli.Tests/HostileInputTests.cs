using System.Text.Json;
using FusionGuide.Testing;

namespace FusionGuide.Cli.Tests;

/// <summary>Hostile case documents (issue #11; the shared set, <see cref="HostileDocuments"/>): each is invalid input, exit 2, a problem at <c>$</c>, nothing on stdout.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> Names => HostileDocuments.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Recommend_and_validate_reject_a_hostile_document_at_the_root(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fg-hostile-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, HostileDocuments.All[name]);
        try
        {
            foreach (var command in new[] { "recommend", "validate" })
            {
                var (code, stdout, stderr) = Cli.Run(command, path);
                Assert.Equal(2, code);
                Assert.Equal("", stdout);
                using var problems = JsonDocument.Parse(stderr);
                Assert.Contains(problems.RootElement.EnumerateArray(), p => p.GetProperty("path").GetString() == "$");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
