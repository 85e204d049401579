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
        var loaded = Load(edits);
        Assert.True(loaded.KnowledgeBase is not null, string.Join("; ", loaded.Problems.Select(p => $"{p.File}: {p.Message}")));
        return new FusionEngine(loaded.KnowledgeBase!);
    }

    /// <summary>The knowledge base with each named file changed by its edit, as the loader reads it (with its problems).</summary>
    public static LoadResult Load(params (string Path, Action<JsonObject> Edit)[] edits)
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

        return KnowledgeLoader.Load(files);
    }

    /// <summary>Evaluates the base case with the overrides (<see cref="Cases.Json"/>) on <paramref name="engine"/>, checked against the schema.</summary>
    public static Result Evaluate(FusionEngine engine, string overrides) => EvaluateJson(engine, Cases.Json(overrides));

    /// <summary>Evaluates a whole case document on <paramref name="engine"/>, checked against the schema.</summary>
    public static Result EvaluateJson(FusionEngine engine, string json)
    {
        var (c, notices) = Cases.Read(json);
        var result = engine.Evaluate(c, null, notices);
        ResultSchema.AssertValid(result);
        return result;
    }

    /// <summary>An interaction class file's member entry by name (to edit it).</summary>
    public static JsonObject ClassMember(JsonObject cls, string name) =>
        cls["members"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == name)!.AsObject();
}
