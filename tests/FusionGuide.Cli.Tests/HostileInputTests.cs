using System.Text;
using System.Text.Json;

namespace FusionGuide.Cli.Tests;

/// <summary>Hostile case documents (issue #11): each is invalid input, exit 2, one problem at <c>$</c>, nothing on stdout.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> Names => [.. Hostile.All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Recommend_and_validate_reject_a_hostile_document_at_the_root(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fg-hostile-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, Hostile.All[name]);
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

/// <summary>The hostile documents, built from a valid example case.</summary>
internal static class Hostile
{
    private static readonly byte[] Valid = File.ReadAllBytes(Cli.Example("alk-g1202r-after-alectinib.json"));

    public static IReadOnlyDictionary<string, byte[]> All { get; } = new Dictionary<string, byte[]>
    {
        ["nested-10000"] = Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)),
        ["nested-objects-10000"] = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
        ["five-megabytes"] = FiveMegabytes(),
        ["duplicate-keys"] = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"id\":\"b\",\"tests\":[]}"),
        ["utf8-bom"] = [0xEF, 0xBB, 0xBF, .. Valid],
        ["utf16"] = Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Valid)),
        ["utf16-bom"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Valid))],
        ["latin1"] = Encoding.Latin1.GetBytes("{\"id\":\"caf\u00e9\",\"tests\":[]}"),
        ["truncated"] = Valid[..(Valid.Length / 2)],
        ["nul-bytes"] = [.. Valid[..10], 0, 0, 0, .. Valid[10..]],
        ["only-nul"] = new byte[64],
    };

    private static byte[] FiveMegabytes()
    {
        var text = Encoding.UTF8.GetString(Valid).TrimEnd();
        var padding = new string(' ', 5 * 1024 * 1024);
        return Encoding.UTF8.GetBytes(text[..^1] + ",\"pad\":\"" + padding + "\"}");
    }
}
