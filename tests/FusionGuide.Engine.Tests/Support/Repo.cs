namespace FusionGuide.Engine.Tests.Support;

/// <summary>
/// Folders the tests read, all inside the repository: knowledge/, the contract's schemas (docs/schema/) and the public
/// vignettes (tests/vignettes/). Where the repository's copy is missing, shared/ beside the repository is used.
/// </summary>
internal static class Repo
{
    private static readonly Lazy<string> KnowledgeFolder = new(() => Locate("knowledge", "manifest.json"));
    private static readonly Lazy<string> RootFolder = new(FindRoot);
    private static readonly Lazy<string> ContractFolder = new(() => First("result.schema.json",
        Path.Combine(Root, "docs", "schema"), Path.Combine(Root, "..", "shared", "contract")));
    private static readonly Lazy<string> VignetteFolder = new(() => First("alk-01-first-line.json",
        Path.Combine(Root, "tests", "vignettes", "cases"), Path.Combine(Root, "..", "shared", "vignettes", "cases")));

    /// <summary>The repository's knowledge/ folder (walked up to from the test binary).</summary>
    public static string Knowledge => KnowledgeFolder.Value;

    /// <summary>The repository root (the folder that holds FusionGuide.slnx).</summary>
    public static string Root => RootFolder.Value;

    /// <summary>The folder holding case.schema.json and result.schema.json: docs/schema/, else ../shared/contract.</summary>
    public static string Contract => ContractFolder.Value;

    /// <summary>The public vignettes' cases: tests/vignettes/cases, else ../shared/vignettes/cases.</summary>
    public static string VignetteCases => VignetteFolder.Value;

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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FusionGuide.slnx")))
            {
                return dir.FullName;
            }
        }

        Assert.Fail($"Cannot find FusionGuide.slnx in any folder above {AppContext.BaseDirectory}.");
        return "";
    }

    private static string First(string marker, params string[] folders)
    {
        foreach (var folder in folders)
        {
            if (File.Exists(Path.Combine(folder, marker)))
            {
                return Path.GetFullPath(folder);
            }
        }

        Assert.Fail($"Cannot find {marker} in any of: {string.Join(", ", folders)}.");
        return "";
    }
}
