using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace FusionGuide.Properties.Tests;

/// <summary>What an edit does to a case document's JSON text (not to the case: these make documents a case cannot be).</summary>
internal enum DocumentEditKind
{
    AddUnknownField,
    WrongType,
    MisspellCode,
    RemoveField,
    DuplicateField,
    DuplicateFieldEscaped,
    EscapeFieldName,
    ControlCharacter,
    TooDeep,
    Truncate,
}

/// <summary>
/// One CsCheck-chosen edit of a case document: <see cref="A"/> picks the object, the field and the value. The edits
/// reach every branch of the reader — unknown and repeated fields (plain and escaped), wrong types, misspelt codes,
/// missing required fields, refused characters, nesting too deep, broken JSON.
/// </summary>
internal sealed record DocumentEdit(DocumentEditKind Kind, int A)
{
    public static Gen<DocumentEdit> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Enum<DocumentEditKind>(), CsCheck.Gen.Int[0, 1 << 20], (k, a) => new DocumentEdit(k, a));

    private static readonly JsonNode?[] OddValues =
        [null, 1, -1, 0.5, "x", "", true, new JsonArray(), new JsonObject(), JsonNode.Parse("1e400"), JsonNode.Parse("-0.0"),
         JsonNode.Parse("15.0000000000000000001"), JsonNode.Parse("3.0"), JsonNode.Parse("[1, \"a\", null]"), JsonNode.Parse("{\"a\": {\"b\": []}}")];

    /// <summary>Applies the edits to compact case JSON: structural edits on the parsed document, then repeated and escaped names and truncation on its text.</summary>
    public static string Apply(string json, IEnumerable<DocumentEdit> edits)
    {
        var root = JsonNode.Parse(json)!;
        var renames = new List<(string Placeholder, string Written)>();
        var truncate = -1;
        foreach (var e in edits)
        {
            if (e.Kind == DocumentEditKind.Truncate)
            {
                truncate = e.A;
                continue;
            }

            e.Edit(root, renames);
        }

        var text = root.ToJsonString();
        foreach (var (placeholder, written) in renames)
        {
            text = text.Replace($"\"{placeholder}\"", $"\"{written}\"", StringComparison.Ordinal);
        }

        return truncate < 0 ? text : text[..(truncate % Math.Max(1, text.Length))];
    }

    private void Edit(JsonNode root, List<(string Placeholder, string Written)> renames)
    {
        var objects = Objects(root).ToList();
        var obj = objects[A % objects.Count];
        var names = obj.Select(p => p.Key).ToList();
        var name = names.Count == 0 ? null : names[(A / 7) % names.Count];
        var placeholder = $"zz-placeholder-{renames.Count}";
        switch (Kind)
        {
            case DocumentEditKind.AddUnknownField:
                obj[$"extra{A % 13}"] = A % 3 == 0 ? new JsonObject { ["a"] = 1 } : A % 2;
                break;
            case DocumentEditKind.WrongType when name is not null:
                obj[name] = OddValues[(A / 11) % OddValues.Length]?.DeepClone();
                break;
            case DocumentEditKind.MisspellCode when name is not null && obj[name] is JsonValue v && v.TryGetValue<string>(out var s):
                obj[name] = (A % 3) switch { 0 => s + "x", 1 => s.ToUpperInvariant(), _ => s.Length > 1 ? s[1..] : "?" };
                break;
            case DocumentEditKind.RemoveField when name is not null:
                obj.Remove(name);
                break;
            case DocumentEditKind.DuplicateField or DocumentEditKind.DuplicateFieldEscaped when name is not null:
                obj[placeholder] = OddValues[(A / 11) % OddValues.Length]?.DeepClone();
                renames.Add((placeholder, Kind == DocumentEditKind.DuplicateField ? name : Escaped(name)));
                break;
            case DocumentEditKind.EscapeFieldName when name is not null:
                var value = obj[name]?.DeepClone();
                obj.Remove(name);
                obj[placeholder] = value;
                renames.Add((placeholder, Escaped(name)));
                break;
            case DocumentEditKind.ControlCharacter when name is not null && obj[name] is JsonValue v && v.TryGetValue<string>(out var s):
                obj[name] = s + (A % 4) switch { 0 => "\n", 1 => "\u0000", 2 => "\u202E", _ => "\t" };
                break;
            case DocumentEditKind.TooDeep:
                obj[$"deep{A % 5}"] = JsonNode.Parse(new string('[', 20 + (A % 20)) + new string(']', 20 + (A % 20)));
                break;
            default:
                break;
        }
    }

    // The name with its first character written as a \u escape: the same name to the parser, other bytes to the eye.
    private static string Escaped(string name) => "\\u" + ((int)name[0]).ToString("x4", CultureInfo.InvariantCulture) + name[1..];

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).ToList())
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            default:
                break;
        }
    }
}
