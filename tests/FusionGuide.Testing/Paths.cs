namespace FusionGuide.Testing;

/// <summary>Where the repository, its examples and the test artifacts are.</summary>
public static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(Root, ".build", "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>A tool a test needs is missing: fail in CI (it must have been installed), skip with a reason locally.</summary>
    public static void RequireTool(bool present, string what)
    {
        if (present)
        {
            return;
        }

        var message = $"{what} is not installed; run scripts/ensure-test-tools.sh";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
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

        throw new InvalidOperationException("FusionGuide.slnx not found above the test binaries");
    }
}
