using FusionGuide.Domain.Wire;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// The fields one kind of contract object defines, each with a slot number, so that an object's fields are sorted into
/// their slots in one pass over the document and every later read is a slot access.
/// </summary>
internal sealed class FieldSet
{
    /// <summary>The most fields a set may hold (the reader tracks them in 32-bit masks).</summary>
    public const int MaxFields = 32;

    private readonly string[] names;
    private readonly Utf8Lookup<int> byUtf8;

    public FieldSet(params string[] names)
    {
        if (names.Length > MaxFields || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new ArgumentException($"a field set holds at most {MaxFields} distinct names", nameof(names));
        }

        this.names = names;
        byUtf8 = new Utf8Lookup<int>(names.Select((n, i) => (n, i)));
    }

    public int Count => names.Length;

    /// <summary>The slot of a field named in the document (unescaped UTF-8), or -1 when the contract does not define it here.</summary>
    public int SlotOf(ReadOnlySpan<byte> utf8Name) => byUtf8.TryGet(utf8Name, out var slot) ? slot : -1;

    /// <summary>The slot of a field named by the reader's code, or -1 when the set does not hold it.</summary>
    public int SlotOf(string name)
    {
        // The reader names fields with literals, the same string objects as the set's: a reference check finds them.
        for (var i = 0; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i], name))
            {
                return i;
            }
        }

        return Array.IndexOf(names, name);
    }
}
