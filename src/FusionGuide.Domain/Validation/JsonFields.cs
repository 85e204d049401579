using System.Runtime.InteropServices;
using System.Text.Json;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// Typed reads of one JSON object's fields that record a problem (with its path) instead of throwing,
/// so a whole document is checked in one pass.
/// </summary>
/// <remarks>
/// Built for the common case of a valid document: a field is found by the parser's own name lookup without decoding any
/// name, a code is matched without allocating its text, and a JSON path is written out only when a problem or notice
/// needs it (an object knows its parent, its field name and its index, and builds its path on first use).
/// </remarks>
internal sealed class JsonFields
{
    private readonly JsonElement obj;
    private readonly FieldSet fields;
    private readonly JsonFields? parent;
    private readonly string? nameInParent;
    private readonly int indexInParent;
    private readonly List<Problem> problems;
    private readonly NoticeLog notices;
    private string? path;

    // The object's fields sorted into the set's slots in one pass. The parser has already rejected duplicate names, so
    // a slot is filled at most once. A field is unknown when the set does not define it, or when the reader never reads it.
    private readonly JsonElement[] slots;
    private readonly uint present;
    private readonly bool anyUndefined;
    private uint read;
    private bool anyRepeated;

    public JsonFields(JsonElement obj, string path, FieldSet fields, List<Problem> problems, NoticeLog notices)
        : this(obj, fields, null, null, -1, problems, notices)
    {
        this.path = path;
    }

    private JsonFields(JsonElement obj, FieldSet fields, JsonFields? parent, string? name, int index, List<Problem> problems, NoticeLog notices)
    {
        this.obj = obj;
        this.fields = fields;
        this.parent = parent;
        nameInParent = name;
        indexInParent = index;
        this.problems = problems;
        this.notices = notices;
        slots = new JsonElement[fields.Count];
        foreach (var p in obj.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(p);
            var slot = raw.IndexOf((byte)'\\') < 0 ? fields.SlotOf(raw) : fields.SlotOf(p.Name);
            if (slot < 0)
            {
                anyUndefined = true;
                continue;
            }

            if ((present & (1u << slot)) != 0)
            {
                // A field named twice (possible only when the parser was told to allow it): the first is read, as the
                // parser's own lookup would, and the whole reading is marked so the caller can settle it strictly.
                MarkRepeated();
                continue;
            }

            slots[slot] = p.Value;
            present |= 1u << slot;
        }
    }

    /// <summary>Whether this object or any read beneath it named a field twice.</summary>
    public bool AnyRepeatedField => anyRepeated;

    private void MarkRepeated()
    {
        for (var f = this; f is not null; f = f.parent)
        {
            f.anyRepeated = true;
        }
    }

    public string Path => path ??= indexInParent < 0 ? parent!.At(nameInParent!) : parent!.ItemPath(nameInParent!, indexInParent);

    public string At(string name) => $"{Path}.{name}";

    /// <summary>The path of item <paramref name="index"/> of this object's array field <paramref name="name"/>.</summary>
    public string ItemPath(string name, int index) => $"{Path}.{name}[{index}]";

    public void Problem(string name, string message) => problems.Add(new(At(name), message));

    /// <summary>A notice of <paramref name="code"/>, built by <paramref name="build"/> only if the log still names notices of that code.</summary>
    public void Notice<TState>(string code, TState state, Func<TState, InputNotice> build) => notices.Add(code, state, build);

    /// <summary>Whether the object has the field, without counting it as read.</summary>
    public bool Has(string name) => (present & (1u << Slot(name))) != 0;

    public bool TryGet(string name, out JsonElement value)
    {
        var slot = Slot(name);
        if ((present & (1u << slot)) == 0)
        {
            value = default;
            return false;
        }

        read |= 1u << slot;
        value = slots[slot];
        return true;
    }

    // A name outside the object's field set is a mistake in the reader, not in the input: it must surface as an internal
    // fault, never be caught as a parse error (the optimistic reading retries only on JsonException and
    // InvalidOperationException).
    private int Slot(string name)
    {
        var slot = fields.SlotOf(name);
        return slot >= 0 ? slot : throw new System.Diagnostics.UnreachableException($"the reader asked for '{name}', which its field set does not define");
    }

    /// <summary>After all known fields were read: a notice for each field this object does not define, in document order (the log names only the first few).</summary>
    public void NoticeUnknownFields()
    {
        if (!anyUndefined && (present & ~read) == 0)
        {
            return;
        }

        foreach (var p in obj.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(p);
            var slot = raw.IndexOf((byte)'\\') < 0 ? fields.SlotOf(raw) : fields.SlotOf(p.Name);
            if (slot < 0 || (read & (1u << slot)) == 0)
            {
                Notice(NoticeLog.UnknownField, (f: this, p), static s =>
                {
                    var at = s.f.At(s.p.Name);
                    return new InputNotice(NoticeLog.UnknownField, at, $"{at} is not a field of the contract and was ignored.");
                });
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

        if (TryReadEnum(v, codec, out var value, out var problem))
        {
            return value;
        }

        problems.Add(new(At(name), problem));
        return null;
    }

    public JsonFields? Object(string name, FieldSet objectFields)
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

        return new JsonFields(v, objectFields, this, name, -1, problems, notices);
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
    public JsonFields? ItemObject(string name, int index, JsonElement item, FieldSet itemFields)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(ItemPath(name, index), $"must be an object, not {Kind(item)}"));
            return null;
        }

        return new JsonFields(item, itemFields, this, name, index, problems, notices);
    }

    /// <summary>A problem at item <paramref name="index"/> of array field <paramref name="name"/>.</summary>
    public void ItemProblem(string name, int index, string message) => problems.Add(new(ItemPath(name, index), message));

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
                i++;
                continue;
            }

            var s = item.GetString()!;
            if (TooLong(s, maxLength, out var length))
            {
                ItemProblem(name, i, $"must be at most {maxLength} characters (got {length})");
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
        if (v.ValueKind != JsonValueKind.String)
        {
            value = default;
            problem = $"must be one of {string.Join(", ", codec.Codes)}; got {Kind(v)}";
            return false;
        }

        // Codes are matched on the document's own bytes, without building a string; text with an escape takes the
        // decoded path, which also words the problem.
        var raw = JsonMarshal.GetRawUtf8Value(v);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.IndexOf((byte)'\\') < 0 && codec.TryParseUtf8(raw, out value))
        {
            problem = "";
            return true;
        }

        var s = v.GetString();
        if (codec.TryParse(s, out value))
        {
            problem = "";
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
        if (s.Length <= maxLength)
        {
            length = s.Length;
            return false;
        }

        length = TextLength(s);
        return length > maxLength;
    }

    /// <summary>A string's length in Unicode characters (code points).</summary>
    public static int TextLength(string s)
    {
        var n = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            n++;
        }

        return n;
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
