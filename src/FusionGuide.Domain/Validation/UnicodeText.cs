using System.Buffers;
using System.Text.Json;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// Finds strings and field names that a case may not hold: text that cannot become .NET text (invalid UTF-8 bytes, or
/// an escaped surrogate such as <c>\ud800</c> without its pair), and text holding a refused character — a control
/// character (U+0000–U+001F except tab, and U+007F; so also line breaks) or a bidirectional override or isolate
/// (U+202A–U+202E, U+2066–U+2069). JSON's grammar admits all of them. Unreadable text would throw when read; refused
/// characters would travel into results, logs and the audit trail (PostgreSQL refuses U+0000 outright, and the
/// overrides can make a record display differently from what it holds).
/// </summary>
internal static class UnicodeText
{
    private static readonly SearchValues<char> Refused = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c != '\t').Select(c => (char)c), '\u007F',
         '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    // In valid UTF-8 JSON a refused or unreadable character can only be written as an escape (a backslash: the parser
    // refuses raw U+0000–U+001F), as the byte 0x7F, or as a three-byte sequence led by 0xE2 (U+2000–U+2FFF).
    private static readonly SearchValues<byte> Suspects = SearchValues.Create([(byte)'\\', (byte)0x7F, (byte)0xE2]);

    /// <summary>
    /// Whether a document of valid UTF-8 may hold text that <see cref="Check"/> refuses; false proves it holds none, so
    /// the walk can be skipped.
    /// </summary>
    public static bool MayHoldRefusedText(ReadOnlySpan<byte> validUtf8) => validUtf8.IndexOfAny(Suspects) >= 0;

    /// <summary>
    /// Adds a problem for every unreadable string or field name under <paramref name="element"/>, and for every one that
    /// holds a refused character. Returns false when some text is unreadable (the case cannot be read further); text
    /// with a refused character is a problem too, but the rest of the case can still be read and checked.
    /// </summary>
    public static bool Check(JsonElement element, string path, List<Problem> problems)
    {
        var unreadable = false;
        Walk(element, path, problems, ref unreadable);
        return !unreadable;
    }

    private static void Walk(JsonElement element, string path, List<Problem> problems, ref bool unreadable)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (!TryRead(() => element.GetString()!, out var text))
                {
                    unreadable = true;
                    problems.Add(new(path, "is not valid Unicode text (invalid UTF-8 or an unpaired surrogate escape)"));
                }
                else if (FirstRefused(text) is { } c)
                {
                    problems.Add(new(path, $"holds the character {Describe(c)}: {RefusedRule}"));
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryRead(() => property.Name, out var name))
                    {
                        unreadable = true;
                        problems.Add(new(path, "has a field name that is not valid Unicode text (invalid UTF-8 or an unpaired surrogate escape)"));
                        continue;
                    }

                    if (FirstRefused(name) is { } n)
                    {
                        // The name is not written into the path: the path would carry the very character refused.
                        problems.Add(new(path, $"has a field name holding the character {Describe(n)}: {RefusedRule}"));
                        continue;
                    }

                    Walk(property.Value, $"{path}.{name}", problems, ref unreadable);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i}]", problems, ref unreadable);
                    i++;
                }

                break;
            default:
                break;
        }
    }

    private const string RefusedRule =
        "a case may not hold control characters (U+0000–U+001F except tab, U+007F, so no line breaks either) or bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069)";

    private static char? FirstRefused(string text)
    {
        var i = text.AsSpan().IndexOfAny(Refused);
        return i < 0 ? null : text[i];
    }

    // "U+0000 (NUL)", "U+000A (line feed)", "U+202E": the code point, with a name where a reader may not know it.
    private static string Describe(char c) => c switch
    {
        '\0' => "U+0000 (NUL)",
        '\n' => "U+000A (line feed)",
        '\r' => "U+000D (carriage return)",
        '\u007F' => "U+007F (DEL)",
        '\u202E' => "U+202E (right-to-left override)",
        _ => $"U+{(int)c:X4}",
    };

    private static bool TryRead(Func<string> read, out string text)
    {
        try
        {
            text = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }
}
