using System.Text;

namespace FusionGuide.Domain.Wire;

/// <summary>
/// Finds a value by its name written as UTF-8 bytes, without decoding the bytes into a string: the names are grouped by
/// length and compared byte for byte, which for the contract's few, short names is quicker than hashing.
/// </summary>
/// <remarks>Used for the contract's field names and codes, read straight from the parsed document's buffer.</remarks>
public sealed class Utf8Lookup<T>
{
    private readonly (byte[] Name, T Value)[][] byLength;

    /// <summary>Builds the lookup; names must be distinct.</summary>
    public Utf8Lookup(IEnumerable<(string Name, T Value)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var encoded = entries.Select(e => (Name: Encoding.UTF8.GetBytes(e.Name), e.Value)).ToList();
        var longest = encoded.Count == 0 ? 0 : encoded.Max(e => e.Name.Length);
        byLength = new (byte[] Name, T Value)[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            byLength[length] = [.. encoded.Where(e => e.Name.Length == length)];
        }
    }

    /// <summary>Finds the value named by <paramref name="utf8"/>; false when no name matches.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out T value)
    {
        if (utf8.Length < byLength.Length)
        {
            foreach (var (name, v) in byLength[utf8.Length])
            {
                if (utf8.SequenceEqual(name))
                {
                    value = v;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }
}
