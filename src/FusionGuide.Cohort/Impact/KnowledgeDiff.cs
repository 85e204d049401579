using System.Text.Json;

namespace FusionGuide.Cohort.Impact;

/// <summary>One changed field of a record: its path inside the record, the old and the new value (compact JSON; null when absent).</summary>
public sealed record FieldChange(string Path, string? Old, string? New);

/// <summary>A record (one knowledge file) that differs between two releases.</summary>
/// <param name="Id">Folder and id, e.g. <c>regimens/nccn-alk-first-line-2025</c>.</param>
/// <param name="Kind">added, removed or changed.</param>
/// <param name="Fields">The changed fields (empty for added and removed records).</param>
public sealed record RecordChange(string Id, string Kind, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// Compares two knowledge folders record by record (one file per record, so a record is its folder and id).
/// Arrays of records are matched by their natural key (<c>id</c>, else <c>therapy</c>, <c>drug</c>, <c>name</c>,
/// <c>event</c>, <c>class</c>), so reordering is not a change and a changed entry is named by its key:
/// <c>entries[therapy=alectinib].preference</c>. Other arrays are compared by position.
/// </summary>
public static class KnowledgeDiff
{
    private static readonly string[] Keys = ["id", "therapy", "drug", "name", "event", "class", "comorbidity", "item"];

    /// <summary>Every record added, removed or changed from <paramref name="oldDir"/> to <paramref name="newDir"/>, by id.</summary>
    public static IReadOnlyList<RecordChange> Compare(string oldDir, string newDir)
    {
        var before = ReadFolder(oldDir);
        var after = ReadFolder(newDir);
        var changes = new List<RecordChange>();
        foreach (var id in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var inOld = before.TryGetValue(id, out var o);
            var inNew = after.TryGetValue(id, out var n);
            if (!inOld)
            {
                changes.Add(new RecordChange(id, "added", []));
            }
            else if (!inNew)
            {
                changes.Add(new RecordChange(id, "removed", []));
            }
            else
            {
                var fields = new List<FieldChange>();
                Diff("", o, n, fields);
                if (fields.Count > 0)
                {
                    changes.Add(new RecordChange(id, "changed", fields));
                }
            }
        }

        return changes;
    }

    private static SortedDictionary<string, JsonElement> ReadFolder(string dir)
    {
        var records = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories))
        {
            var id = Path.GetRelativePath(dir, file).Replace('\\', '/')[..^".json".Length];
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            records[id] = doc.RootElement.Clone();
        }

        return records;
    }

    private static void Diff(string path, JsonElement a, JsonElement b, List<FieldChange> changes)
    {
        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            var names = a.EnumerateObject().Select(p => p.Name).Union(b.EnumerateObject().Select(p => p.Name)).Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var child = path.Length == 0 ? name : $"{path}.{name}";
                var hasA = a.TryGetProperty(name, out var va);
                var hasB = b.TryGetProperty(name, out var vb);
                if (hasA && hasB)
                {
                    Diff(child, va, vb, changes);
                }
                else
                {
                    changes.Add(new FieldChange(child, hasA ? Text(va) : null, hasB ? Text(vb) : null));
                }
            }

            return;
        }

        if (a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array && KeyOf(a, b) is { } key)
        {
            var left = a.EnumerateArray().ToDictionary(e => e.GetProperty(key).ToString(), StringComparer.Ordinal);
            var right = b.EnumerateArray().ToDictionary(e => e.GetProperty(key).ToString(), StringComparer.Ordinal);
            foreach (var k in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
            {
                var child = $"{path}[{key}={k}]";
                if (left.TryGetValue(k, out var x) && right.TryGetValue(k, out var y))
                {
                    Diff(child, x, y, changes);
                }
                else
                {
                    changes.Add(new FieldChange(child, left.TryGetValue(k, out var x2) ? Text(x2) : null, right.TryGetValue(k, out var y2) ? Text(y2) : null));
                }
            }

            return;
        }

        if (!JsonElement.DeepEquals(a, b))
        {
            changes.Add(new FieldChange(path.Length == 0 ? "$" : path, Text(a), Text(b)));
        }
    }

    /// <summary>The key that identifies every element of both arrays uniquely, if there is one.</summary>
    private static string? KeyOf(JsonElement a, JsonElement b)
    {
        var all = a.EnumerateArray().Concat(b.EnumerateArray()).ToList();
        if (all.Count == 0 || all.Any(e => e.ValueKind != JsonValueKind.Object))
        {
            return null;
        }

        return Keys.FirstOrDefault(k => Unique(a, k) && Unique(b, k));
    }

    private static bool Unique(JsonElement array, string key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in array.EnumerateArray())
        {
            if (!e.TryGetProperty(key, out var v) || v.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || !seen.Add(v.ToString()))
            {
                return false;
            }
        }

        return true;
    }

    private static string Text(JsonElement e)
    {
        var s = e.ValueKind == JsonValueKind.String ? JsonSerializer.Serialize(e.GetString(), ImpactJson.Default.String) : e.GetRawText();
        s = string.Join(' ', s.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(x => x.Trim()));
        return s.Length > 160 ? s[..157] + "…" : s;
    }
}

/// <summary>Source-generated JSON for the few values the impact report writes (AOT: no reflection).</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = false)]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class ImpactJson : System.Text.Json.Serialization.JsonSerializerContext;
