using System.Text;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Testing;

/// <summary>
/// Input that is not a case document at all — wrong encoding, broken or ambiguous JSON, too deep, too large — kept in one
/// place for every door a case comes in by (issue #11, shared by issue #19): the reader answers each with one problem
/// at <c>$</c> (FusionGuide.Domain.Tests), the CLI with exit 2 and that problem (FusionGuide.Cli.Tests), the server with
/// 400 or 413 (FusionGuide.Server.Tests), and the fuzz targets never throw on it (FusionGuide.Fuzz.Tests).
/// </summary>
public static class HostileDocuments
{
    private static readonly byte[] Valid = File.ReadAllBytes(Paths.Example("alk-g1202r-after-alectinib.json"));

    /// <summary>Every document by its name.</summary>
    public static IReadOnlyDictionary<string, byte[]> All { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        // Not JSON, or not one JSON object.
        ["empty input"] = [],
        ["whitespace only"] = Utf8(" \t\r\n  "),
        ["not JSON"] = Utf8("patient: 44, ALK positive"),
        ["a top-level array"] = [(byte)'[', .. Valid, (byte)']'],
        ["a top-level string"] = Utf8("\"case-017\""),
        ["a top-level number"] = Utf8("44"),
        ["a top-level boolean"] = Utf8("true"),
        ["a top-level null"] = Utf8("null"),
        ["truncated JSON"] = Valid[..(Valid.Length / 2)],
        ["two documents one after the other"] = Utf8("{} {}"),
        ["a comment"] = Utf8("""{ "id": "a" /* note */ }"""),
        ["a trailing comma"] = Utf8("""{ "id": "a", }"""),
        ["NUL bytes inside the document"] = [.. Valid[..10], 0, 0, 0, .. Valid[10..]],
        ["only NUL bytes"] = new byte[64],

        // A field named twice: which one is meant cannot be known.
        ["duplicate keys"] = Utf8("""{ "id": "a", "id": "b", "tests": [] }"""),
        ["duplicate keys in a nested object"] = Utf8("""{ "patient": { "age": 44, "age": 45 } }"""),
        ["duplicate keys in an array item"] = Utf8("""{ "tests": [ { "gene": "ALK", "method": "ihc" }, { "gene": "ALK", "method": "ihc", "gene": "ROS1" } ] }"""),
        ["duplicate keys written differently"] = Utf8("""{ "patient": { "age": 44, "\u0061ge": 45 } }"""),
        ["duplicate unknown keys"] = Utf8("""{ "extension": 1, "extension": 2 }"""),
        ["duplicate keys inside an unknown field"] = Utf8("""{ "extension": { "a": 1, "a": 2 } }"""),

        // Not UTF-8 text.
        ["a UTF-8 byte order mark"] = [0xEF, 0xBB, 0xBF, .. Valid],
        ["UTF-16"] = Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Valid)),
        ["UTF-16 with a byte order mark"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Valid))],
        ["Latin-1"] = Encoding.Latin1.GetBytes("{\"id\":\"caf\u00e9\",\"tests\":[]}"),
        ["invalid UTF-8 bytes in a string"] = [.. Utf8("{\"id\":\""), 0xFF, 0xFE, .. Utf8("\"}")],
        ["invalid UTF-8 bytes in a field name"] = [.. Utf8("{\""), 0xC3, 0x28, .. Utf8("\":1}")],
        ["an overlong UTF-8 encoding"] = [.. Utf8("{\"id\":\""), 0xC0, 0xAF, .. Utf8("\"}")],
        ["an unpaired surrogate escape in a field name"] = Utf8("""{ "patient": { "\ud800": 1 } }"""),
        ["an invalid byte outside any string"] = [0xFF, .. Utf8("{}")],

        // Too deep or too large.
        ["nesting deeper than allowed"] = Utf8($$"""{ "extension": {{new string('[', 64)}}{{new string(']', 64)}} }"""),
        ["10,000 nested arrays"] = Utf8(new string('[', 10_000) + new string(']', 10_000)),
        ["10,000 nested objects"] = Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
        ["a document over 1,000,000 bytes"] = Padded(CaseReader.MaxDocumentBytes + 1),
        ["a valid case padded to five megabytes"] = FiveMegabytes(),
    };

    /// <summary>The names, for a theory's member data.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>A valid case padded by an unknown field to exactly <paramref name="size"/> bytes.</summary>
    public static byte[] Padded(int size)
    {
        var head = "{\"id\":\"case-big\",\"padding\":\"";
        const string tail = "\"}";
        return Utf8(head + new string('x', size - head.Length - tail.Length) + tail);
    }

    private static byte[] FiveMegabytes()
    {
        var text = Encoding.UTF8.GetString(Valid).TrimEnd();
        return Utf8(text[..^1] + ",\"pad\":\"" + new string(' ', 5 * 1024 * 1024) + "\"}");
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
