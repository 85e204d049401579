using System.Text.Json;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// Typed reads of one JSON object's fields that record a problem (with its path) instead of throwing,
/// so a whole document is checked in one pass.
/// </summary>
internal sealed class JsonFields
{
    private readonly string path;
    private readonly List<Problem> problems;
    private readonly List<InputNotice> notices;

    // The object's fields, read once: names decoded once, and marked as they are read so that the fields the
    // contract does not define are found without a second pass or a set of names. The parser has already
    // rejected duplicate names, so each name occurs once.
    private readonly string[] names;
    private readonly JsonElement[] values;
    private readonly bool[] read;

    public JsonFields(JsonElement obj, string path, List<Problem> problems, List<InputNotice> notices)
    {
        this.path = path;
        this.problems = problems;
        this.notices = notices;
        var count = obj.GetPropertyCount();
        names = new string[count];
        values = new JsonElement[count];
        read = new bool[count];
        var i = 0;
        foreach (var p in obj.EnumerateObject())
        {
            names[i] = p.Name;
            values[i] = p.Value;
            i++;
        }
    }

    public string Path => path;

    public string At(string name) => $"{path}.{name}";

    public void Problem(string name, string message) => problems.Add(new(At(name), message));

    public bool TryGet(string name, out JsonElement value)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                read[i] = true;
                value = values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>After all known fields were read: a notice for each field this object does not define.</summary>
    public void NoticeUnknownFields()
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (!read[i])
            {
                notices.Add(new("unknown-field", At(names[i]), $"{At(names[i])} is not a field of the contract and was ignored."));
            }
        }
    }

    public string? String(string name, int maxLength)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Problem(name, $"must be a string, not {Kind(v)}");
            return null;
        }

        var s = v.GetString()!;
        if (TextLength(s) > maxLength)
        {
            Problem(name, $"must be at most {maxLength} characters (got {TextLength(s)})");
            return null;
        }

        return s;
    }

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Problem(name, $"must be true or false, not {Kind(v)}");
        return null;
    }

    public int? Integer(string name, int min, int max)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            Problem(name, $"must be a whole number, not {Kind(v)}");
            return null;
        }

        // Fast path: a plain integer token (digits, optional minus) is its own exact value.
        if (v.TryGetInt32(out var plain))
        {
            return InRange(name, plain, min, max) ? plain : null;
        }

        var n = ExactNumber.Parse(v.GetRawText());
        if (!n.IsInteger)
        {
            Problem(name, $"must be a whole number, not {v.GetRawText()}");
            return null;
        }

        if (!InRange(name, n, min, max))
        {
            return null;
        }

        return (int)v.GetDouble();
    }

    public double? Number(string name, int min, int max)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            Problem(name, $"must be a number, not {Kind(v)}");
            return null;
        }

        if (v.TryGetInt32(out var plain))
        {
            return InRange(name, plain, min, max) ? v.GetDouble() : null;
        }

        return InRange(name, ExactNumber.Parse(v.GetRawText()), min, max) ? v.GetDouble() : null;
    }

    private bool InRange(string name, int value, int min, int max)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        Problem(name, max != int.MaxValue ? $"must be between {min} and {max}"
            : value < min ? $"must be at least {min}"
            : $"must be at most {max}");
        return false;
    }

    // Bounds are checked on the exact number written, as JSON Schema does, never on a rounded double.
    private bool InRange(string name, ExactNumber n, int min, int max)
    {
        if (n.CompareTo(min) >= 0 && n.CompareTo(max) <= 0)
        {
            return true;
        }

        Problem(name, max != int.MaxValue ? $"must be between {min} and {max}"
            : n.CompareTo(min) < 0 ? $"must be at least {min}"
            : $"must be at most {max}");
        return false;
    }

    public T? Enum<T>(string name, EnumCodec<T> codec, bool nullable = false) where T : struct, System.Enum
    {
        if (!TryGet(name, out var v) || (nullable && v.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        return ReadEnum(v, At(name), codec, problems);
    }

    public JsonFields? Object(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            Problem(name, $"must be an object, not {Kind(v)}");
            return null;
        }

        return new JsonFields(v, At(name), problems, notices);
    }

    /// <summary>Reads an array field, checking its type and item count; yields (element, path) per item.</summary>
    public IEnumerable<(JsonElement Item, string Path)> Array(string name, int maxItems)
    {
        if (!TryGet(name, out var v))
        {
            yield break;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problem(name, $"must be an array, not {Kind(v)}");
            yield break;
        }

        var count = v.GetArrayLength();
        if (count > maxItems)
        {
            Problem(name, $"must have at most {maxItems} items (got {count})");
            yield break;
        }

        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            yield return (item, $"{At(name)}[{i}]");
            i++;
        }
    }

    public List<T> EnumArray<T>(string name, EnumCodec<T> codec, int maxItems) where T : struct, System.Enum
    {
        var list = new List<T>();
        foreach (var (item, itemPath) in Array(name, maxItems))
        {
            if (ReadEnum(item, itemPath, codec, problems) is { } value)
            {
                list.Add(value);
            }
        }

        return list;
    }

    public List<string> StringArray(string name, int maxItems, int maxLength)
    {
        var list = new List<string>();
        foreach (var (item, itemPath) in Array(name, maxItems))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                problems.Add(new(itemPath, $"must be a string, not {Kind(item)}"));
                continue;
            }

            var s = item.GetString()!;
            if (TextLength(s) > maxLength)
            {
                problems.Add(new(itemPath, $"must be at most {maxLength} characters (got {TextLength(s)})"));
                continue;
            }

            list.Add(s);
        }

        return list;
    }

    public static T? ReadEnum<T>(JsonElement v, string path, EnumCodec<T> codec, List<Problem> problems) where T : struct, System.Enum
    {
        if (v.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(path, $"must be one of {string.Join(", ", codec.Codes)}; got {Kind(v)}"));
            return null;
        }

        var s = v.GetString();
        if (codec.TryParse(s, out var value))
        {
            return value;
        }

        problems.Add(new(path, $"'{Clip(s)}' is not one of {string.Join(", ", codec.Codes)}"));
        return null;
    }

    /// <summary>
    /// A string's length as JSON Schema's maxLength counts it: in Unicode characters (code points), not UTF-16 units,
    /// so a name written in characters outside the Basic Multilingual Plane is not counted twice.
    /// </summary>
    public static int TextLength(string s) => s.EnumerateRunes().Count();

    public static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Clip(string? s) => s is null ? "" : s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 60), "…");
}
