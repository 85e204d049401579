using System.Text;
using System.Text.Json.Nodes;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Knowledge.Tests;

/// <summary>The repository's knowledge files in memory, one of them edited as a validator test needs, then loaded.</summary>
internal static class EditedKnowledge
{
    /// <summary>Every knowledge file as (path relative to knowledge/, with '/', bytes).</summary>
    public static List<(string Path, byte[] Bytes)> Files() =>
        [.. Directory.EnumerateFiles(RepoPaths.Knowledge, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(RepoPaths.Knowledge, f).Replace('\\', '/'), File.ReadAllBytes(f)))];

    /// <summary>Loads the knowledge base with <paramref name="path"/> changed by <paramref name="change"/>.</summary>
    public static LoadResult LoadWith(string path, Action<JsonObject> change)
    {
        var files = Files();
        var i = files.FindIndex(f => f.Path == path);
        var node = JsonNode.Parse(files[i].Bytes)!.AsObject();
        change(node);
        files[i] = (path, Encoding.UTF8.GetBytes(node.ToJsonString()));
        return KnowledgeLoader.Load(files);
    }

    /// <summary>The load was refused with <paramref name="code"/> on <paramref name="file"/>.</summary>
    public static void AssertCode(LoadResult r, string code, string file)
    {
        Assert.Null(r.KnowledgeBase);
        Assert.Contains(r.Problems, p => p.Code == code && p.File.StartsWith(file, StringComparison.Ordinal));
    }
}
