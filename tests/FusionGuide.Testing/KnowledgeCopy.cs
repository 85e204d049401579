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

    /// <summary>
    /// A copy whose RxNorm table still files <paramref name="ingredient"/> under <paramref name="staleClass"/> after the
    /// interaction class moved it (the table is loaded apart from the rest, so only its own check notices).
    /// </summary>
    public static string WithStaleMedicationClass(TempDir dir, string ingredient, string staleClass)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var copy = Copy(dir);
        var file = System.IO.Path.Combine(copy, "medication-codes", "rxnorm.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        var entry = json["ingredients"]!.AsArray().Single(i => (string?)i!["name"] == ingredient)!;
        entry["usedIn"] = new JsonArray(staleClass);
        File.WriteAllText(file, json.ToJsonString());
        return copy;
    }

    /// <summary>
    /// A copy whose RxNorm table files <paramref name="code"/> under the ingredient <paramref name="to"/> instead of the
    /// one the shipped table gives it (a site's release that maps a code differently); its display is dropped.
    /// </summary>
    public static string WithMedicationCodeMoved(TempDir dir, string code, string to)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var copy = Copy(dir);
        var file = System.IO.Path.Combine(copy, "medication-codes", "rxnorm.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        var ingredients = json["ingredients"]!.AsArray();
        var from = ingredients.Single(i => i!["codes"]!.AsArray().Any(c => (string?)c!["code"] == code))!["codes"]!.AsArray();
        var entry = from.Single(c => (string?)c!["code"] == code)!;
        from.Remove(entry);
        entry["display"] = null;
        ingredients.Single(i => (string?)i!["name"] == to)!["codes"]!.AsArray().Add(entry);
        File.WriteAllText(file, json.ToJsonString());
        return copy;
    }

    /// <summary>A copy without its RxNorm table (medication-codes/rxnorm.json).</summary>
    public static string WithoutMedicationCodes(TempDir dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var copy = Copy(dir);
        File.Delete(System.IO.Path.Combine(copy, "medication-codes", "rxnorm.json"));
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
