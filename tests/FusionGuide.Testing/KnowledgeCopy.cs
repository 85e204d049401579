using System.Text.Json.Nodes;

namespace FusionGuide.Testing;

/// <summary>Copies of the repository's knowledge folder, edited as a test needs (a released folder given to <c>--knowledge</c>).</summary>
public static class KnowledgeCopy
{
    /// <summary>A copy of <c>knowledge/</c> under <paramref name="dir"/> whose manifest says <paramref name="version"/>.</summary>
    public static string WithVersion(TempDir dir, string version)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var copy = Copy(dir);
        var manifest = System.IO.Path.Combine(copy, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["version"] = version;
        File.WriteAllText(manifest, json.ToJsonString());
        return copy;
    }

    /// <summary>A copy in which one drug file is not JSON: the validator names the file, and the references to the drug dangle.</summary>
    public static string Broken(TempDir dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var copy = Copy(dir);
        File.WriteAllText(System.IO.Path.Combine(copy, "drugs", "lorlatinib.json"), "{ not json");
        return copy;
    }

    private static string Copy(TempDir dir)
    {
        var source = System.IO.Path.Combine(Paths.Root, "knowledge");
        var target = dir.File("knowledge-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
