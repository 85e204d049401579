namespace FusionGuide.Engine.Tests.Support;

/// <summary>Folders the tests read: the repository's knowledge/ and the shared/ contract and vignettes beside the repository.</summary>
internal static class Repo
{
    private static readonly Lazy<string> KnowledgeFolder = new(() => Locate("knowledge", "manifest.json"));
    private static readonly Lazy<string> SharedFolder = new(() => Locate("shared", Path.Combine("contract", "result.schema.json")));

    /// <summary>The repository's knowledge/ folder (walked up to from the test binary).</summary>
    public static string Knowledge => KnowledgeFolder.Value;

    /// <summary>The shared/ folder beside the repository (contract, vignettes).</summary>
    public static string Shared => SharedFolder.Value;

    private static string Locate(string folder, string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (File.Exists(Path.Combine(candidate, marker)))
            {
                return candidate;
            }
        }

        Assert.Fail($"Cannot find {folder}/{marker} in any folder above {AppContext.BaseDirectory}.");
        return "";
    }
}
