using System.Text.Json.Nodes;

namespace FusionGuide.Engine.Tests.Support;

/// <summary>
/// The knowledge files read as plain JSON, independently of the engine's loader, so that tests state what the
/// data says and check the engine against it.
/// </summary>
internal static class Kb
{
    /// <summary>The release date in manifest.json: the engine's default evaluation date.</summary>
    public static DateOnly ReleaseDate => DateOnly.Parse(File("manifest.json")["releaseDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every JSON file of a knowledge folder, by file name order.</summary>
    public static IReadOnlyList<JsonObject> Folder(string relative) =>
    [
        .. Directory.EnumerateFiles(Path.Combine(Repo.Knowledge, relative), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(System.IO.File.ReadAllText(f))!.AsObject()),
    ];

    /// <summary>One knowledge file.</summary>
    public static JsonObject File(string relative) =>
        JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(Repo.Knowledge, relative)))!.AsObject();

    /// <summary>A drug record from drugs/.</summary>
    public static JsonObject Drug(string id) => File(Path.Combine("drugs", id + ".json"));

    /// <summary>The kinases a drug targets.</summary>
    public static IReadOnlyList<string> Targets(string drug) => Strings(Drug(drug)["targets"]);

    /// <summary>True for a targeted drug.</summary>
    public static bool IsTargeted(string drug) => Drug(drug)["kind"]!.GetValue<string>() == "targeted";

    /// <summary>True when a dated record is in force on a date (from inclusive, to exclusive).</summary>
    public static bool InForce(JsonNode record, DateOnly on)
    {
        var from = record["validFrom"]?.GetValue<string>();
        var to = record["validTo"]?.GetValue<string>();
        return (from is null || DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture) <= on) &&
               (to is null || on < DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A string array (empty when absent).</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray a ? [.. a.Select(x => x!.GetValue<string>())] : [];
}
