using System.Text;
using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Engine.Tests.Support;

/// <summary>
/// An engine over a copy of the repository's knowledge base with some files changed, so that a test states the data
/// it relies on (a disputed rule, a regional monitoring record) whatever the shipped records say today.
/// </summary>
internal static class EditedKnowledge
{
    /// <summary>An engine whose knowledge has each named file (path under knowledge/) changed by its edit; fails on a load problem.</summary>
    public static FusionEngine Engine(params (string Path, Action<JsonObject> Edit)[] edits)
    {
        var files = Directory.EnumerateFiles(Repo.Knowledge, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(Repo.Knowledge, f).Replace('\\', '/'), Bytes: File.ReadAllBytes(f))).ToList();
        foreach (var (path, edit) in edits)
        {
            var i = files.FindIndex(f => f.Path == path);
            Assert.True(i >= 0, $"knowledge/{path} does not exist");
            var node = JsonNode.Parse(files[i].Bytes)!.AsObject();
            edit(node);
            files[i] = (path, Encoding.UTF8.GetBytes(node.ToJsonString()));
        }

        var loaded = KnowledgeLoader.Load(files);
        Assert.True(loaded.KnowledgeBase is not null, string.Join("; ", loaded.Problems.Select(p => $"{p.File}: {p.Message}")));
        return new FusionEngine(loaded.KnowledgeBase!);
    }

    /// <summary>Evaluates the base case with the overrides (<see cref="Cases.Json"/>) on <paramref name="engine"/>, checked against the schema.</summary>
    public static Result Evaluate(FusionEngine engine, string overrides)
    {
        var (c, notices) = Cases.Read(Cases.Json(overrides));
        var result = engine.Evaluate(c, null, notices);
        ResultSchema.AssertValid(result);
        return result;
    }
}
