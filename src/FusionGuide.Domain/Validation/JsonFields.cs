using System.Text.Json;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Domain.Validation;

/// <summary>What one reading of a case document collects: every problem, the notices, and whether a field came twice.</summary>
internal sealed class CaseReading
{
    public List<Problem> Problems { get; } = [];

    public NoticeLog Notices { get; } = new();

    /// <summary>
    /// Set when an object names a field the reader read more than once. The strict parser refuses such a document, so
    /// this happens only on <see cref="OptimisticReading"/>'s parse, which then leaves the document to the strict one.
    /// </summary>
    public bool FieldNamedTwice { get; set; }
}

/// <summary>
/// Typed reads of one JSON object's fields that record a problem (with its path) instead of throwing, so a whole
/// document is checked in one pass. A field the reader never asks for is an unknown field (a notice, not a problem).
/// </summary>
internal sealed class JsonFields(JsonElement obj, string path, CaseReading reading)
{
    // The fields the reader asked for, and how many of them the object has: whatever else it holds is unknown.
    private readonly List<string> read = [];
    private int found;

    public string Path => path;

    public string At(string name) => $"{path}.{name}";

    /// <summary>The path of item <paramref name="index"/> of this object's array field <paramref name="name"/>.</summary>
    public string ItemPath(string name, int index) => $"{path}.{name}[{index}]";

    public void Problem(string name, string message) => reading.Problems.Add(new(At(name), message));

    /// <summary>A problem at item <paramref name="index"/> of array field <paramref name="name"/>.</summary>
    public void ItemProblem(string name, int index, string message) => reading.Problems.Add(new(ItemPath(name, index), message));

    /// <summary>A notice of <paramref name="code"/>, built by <paramref name="build"/> only if the log still names notices of that code.</summary>
    public void Notice<TState>(WarningCode code, TState state, Func<TState, InputNotice> build) => reading.Notices.Add(code, state, build);

    /// <summary>Whether the object has the field, without counting it as read.</summary>
    public bool Has(string name) => obj.TryGetProperty(name, out _);

    public bool TryGet(string name, out JsonElement value)
    {
        var has = obj.TryGetProperty(name, out value);
        if (!read.Contains(name))
        {
            read.Add(name);
            found += has ? 1 : 0;
        }

        return has;
    }

    /// <summary>After all known fields were read: a notice for each field the reader did not read, in document order (the log names only the first few).</summary>
    public void NoticeUnknownFields()
    {
        // As many properties as fields found: every property is a field read, none unknown and none repeated.
        if (obj.GetPropertyCount() == found)
        {
            return;
        }

        var known = 0;
        foreach (var p in obj.EnumerateObject())
        {
            if (WasRead(p))
            {
                known++;
                continue;
            }

            Notice(WarningCodes.UnknownField, (f: this, p), static s =>
            {
                var at = s.f.At(s.p.Name);
                return new InputNotice(WarningCodes.UnknownField, at, $"{at} is not a field of the contract and was ignored.");
            });
        }

        // More properties named like the fields read than fields found: one of them is named twice.
        reading.FieldNamedTwice |= known > found;
    }

    private bool WasRead(JsonProperty p)
    {
        foreach (var name in read)
        {
            if (p.NameEquals(name))
            {
                return true;
            }
        }

        return false;
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
        if (TooLong(s, maxLength, out var length))
        {
            Problem(name, $"must be at most {maxLength} characters (got {length})");
            return null;
        }

        return s;
    }

    /// <summary>A date in one of the contract's forms (<see cref="CaseDate"/>); anything else is a problem at its path.</summary>
    public string? Date(string name)
    {
        if (String(name, 30) is not { } s)
        {
            return null;
        }

        if (CaseDate.Check(s) is { } problem)
        {
            Problem(name, problem);
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

        // A plain integer token (digits, optional minus) is its own exact value.
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

        return InRange(name, n, min, max) ? (int)v.GetDouble() : null;
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

        var inRange = v.TryGetInt32(out var plain) ? InRange(name, plain, min, max) : InRange(name, ExactNumber.Parse(v.GetRawText()), min, max);
        return inRange ? v.GetDouble() : null;
    }

    // Bounds are checked on the exact number written, as JSON Schema does, never on a rounded double.
    private bool InRange(string name, ExactNumber n, int min, int max) => InRange(name, n.CompareTo(min), n.CompareTo(max), min, max);

    private bool InRange(string name, int n, int min, int max) => InRange(name, n.CompareTo(min), n.CompareTo(max), min, max);

    private bool InRange(string name, int versusMin, int versusMax, int min, int max)
    {
        if (versusMin >= 0 && versusMax <= 0)
        {
            return true;
        }

        Problem(name, max != int.MaxValue ? $"must be between {min} and {max}"
            : versusMin < 0 ? $"must be at least {min}"
            : $"must be at most {max}");
        return false;
    }

    public T? Enum<T>(string name, EnumCodec<T> codec, bool nullable = false) where T : struct, System.Enum
    {
        if (!TryGet(name, out var v) || (nullable && v.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        if (TryReadEnum(v, codec, out var value, out var problem))
        {
            return value;
        }

        Problem(name, problem);
        return null;
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

        return new JsonFields(v, At(name), reading);
    }

    /// <summary>
    /// Finds an array field and checks its type and item count; false (with a problem when it is wrong) when there are
    /// no items to read.
    /// </summary>
    public bool TryArray(string name, int maxItems, out JsonElement array)
    {
        if (!TryGet(name, out array))
        {
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Problem(name, $"must be an array, not {Kind(array)}");
            return false;
        }

        var count = array.GetArrayLength();
        if (count > maxItems)
        {
            Problem(name, $"must have at most {maxItems} items (got {count})");
            return false;
        }

        return true;
    }

    /// <summary>Item <paramref name="index"/> of array field <paramref name="name"/> as an object, or a problem at its path.</summary>
    public JsonFields? ItemObject(string name, int index, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            ItemProblem(name, index, $"must be an object, not {Kind(item)}");
            return null;
        }

        return new JsonFields(item, ItemPath(name, index), reading);
    }

    public List<T> EnumArray<T>(string name, EnumCodec<T> codec, int maxItems) where T : struct, System.Enum
    {
        var list = new List<T>();
        if (!TryArray(name, maxItems, out var array))
        {
            return list;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (TryReadEnum(item, codec, out var value, out var problem))
            {
                list.Add(value);
            }
            else
            {
                ItemProblem(name, i, problem);
            }

            i++;
        }

        return list;
    }

    public List<string> StringArray(string name, int maxItems, int maxLength)
    {
        var list = new List<string>();
        if (!TryArray(name, maxItems, out var array))
        {
            return list;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                ItemProblem(name, i, $"must be a string, not {Kind(item)}");
            }
            else if (item.GetString()! is var s && TooLong(s, maxLength, out var length))
            {
                ItemProblem(name, i, $"must be at most {maxLength} characters (got {length})");
            }
            else if (string.IsNullOrWhiteSpace(s))
            {
                // A blank entry names nothing: it was read as an unknown medication called ''.
                ItemProblem(name, i, "is empty: name the item, or leave it out");
            }
            else
            {
                list.Add(s);
            }

            i++;
        }

        return list;
    }

    /// <summary>Reads a wire code; false with the problem's message when the value is not one of the codec's codes.</summary>
    private static bool TryReadEnum<T>(JsonElement v, EnumCodec<T> codec, out T value, out string problem) where T : struct, System.Enum
    {
        problem = "";
        if (v.ValueKind != JsonValueKind.String)
        {
            value = default;
            problem = $"must be one of {string.Join(", ", codec.Codes)}; got {Kind(v)}";
            return false;
        }

        var s = v.GetString();
        if (codec.TryParse(s, out value))
        {
            return true;
        }

        problem = $"'{Clip(s)}' is not one of {string.Join(", ", codec.Codes)}{Suggestions.DidYouMean(Suggestions.Closest(s ?? "", codec.Codes))}";
        return false;
    }

    /// <summary>
    /// Whether a string is longer than JSON Schema's maxLength allows: counted in Unicode characters (code points), not
    /// UTF-16 units, so a name written in characters outside the Basic Multilingual Plane is not counted twice.
    /// </summary>
    public static bool TooLong(string s, int maxLength, out int length)
    {
        // A string is never more code points than UTF-16 units: a short one needs no count.
        length = s.Length <= maxLength ? s.Length : s.EnumerateRunes().Count();
        return length > maxLength;
    }

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
