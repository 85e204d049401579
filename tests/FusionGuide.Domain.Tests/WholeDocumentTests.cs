using System.Text;
using System.Text.Json;
using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>Input that is not a case document at all is one problem at <c>$</c>, never an exception.</summary>
public class WholeDocumentTests
{
    private static readonly Dictionary<string, byte[]> Inputs = new(StringComparer.Ordinal)
    {
        ["empty input"] = [],
        ["whitespace only"] = Utf8(" \t\r\n  "),
        ["not JSON"] = Utf8("patient: 44, ALK positive"),
        ["a top-level array"] = Utf8($"[{Cases.ValidText}]"),
        ["a top-level string"] = Utf8("\"case-017\""),
        ["a top-level number"] = Utf8("44"),
        ["a top-level boolean"] = Utf8("true"),
        ["a top-level null"] = Utf8("null"),
        ["truncated JSON"] = Utf8(Cases.ValidText[..(Cases.ValidText.Length / 2)]),
        ["two documents one after the other"] = Utf8("{} {}"),
        ["duplicate keys"] = Utf8("""{ "id": "a", "id": "b" }"""),
        ["duplicate keys in a nested object"] = Utf8("""{ "patient": { "age": 44, "age": 45 } }"""),
        ["duplicate keys in an array item"] = Utf8("""{ "tests": [ { "gene": "ALK", "method": "ihc" }, { "gene": "ALK", "method": "ihc", "gene": "ROS1" } ] }"""),
        ["duplicate keys written differently"] = Utf8("""{ "patient": { "age": 44, "\u0061ge": 45 } }"""),
        ["duplicate unknown keys"] = Utf8("""{ "extension": 1, "extension": 2 }"""),
        ["duplicate keys inside an unknown field"] = Utf8("""{ "extension": { "a": 1, "a": 2 } }"""),
        ["a comment"] = Utf8("""{ "id": "a" /* note */ }"""),
        ["a trailing comma"] = Utf8("""{ "id": "a", }"""),
        ["invalid UTF-8 bytes in a string"] = [.. Utf8("{\"id\":\""), 0xFF, 0xFE, .. Utf8("\"}")],
        ["invalid UTF-8 bytes in a field name"] = [.. Utf8("{\""), 0xC3, 0x28, .. Utf8("\":1}")],
        ["an overlong UTF-8 encoding"] = [.. Utf8("{\"id\":\""), 0xC0, 0xAF, .. Utf8("\"}")],
        ["an unpaired surrogate escape in a field name"] = Utf8("""{ "patient": { "\ud800": 1 } }"""),
        ["an invalid byte outside any string"] = [0xFF, .. Utf8("{}")],
        ["nesting deeper than allowed"] = Utf8($$"""{ "extension": {{new string('[', 64)}}{{new string(']', 64)}} }"""),
        ["a document over 1,000,000 bytes"] = Padded(CaseReader.MaxDocumentBytes + 1),
    };

    public static TheoryData<string> Rows => [.. Inputs.Keys];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Input_that_is_not_a_case_is_one_problem_at_the_document(string row)
    {
        var outcome = CaseReader.Read(Inputs[row]);

        Assert.Null(outcome.Case);
        Assert.False(outcome.IsValid);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void A_document_of_exactly_1000000_bytes_is_read()
    {
        var outcome = CaseReader.Read(Padded(CaseReader.MaxDocumentBytes));

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems.Select(p => p.Message)));
    }

    [Fact]
    public void Moderate_nesting_inside_an_unknown_field_is_read()
    {
        var outcome = CaseReader.Read($$"""{ "extension": {{new string('[', 16)}}{{new string(']', 16)}} }""");

        Assert.True(outcome.IsValid);
    }

    [Theory]
    [InlineData("""{ "id": "\ud800" }""", "$.id")]
    [InlineData("""{ "id": "\udc00x" }""", "$.id")]
    [InlineData("""{ "medications": ["itraconazole", "\ud83d"] }""", "$.medications[1]")]
    [InlineData("""{ "patient": { "sex": "\ud800" } }""", "$.patient.sex")]
    [InlineData("""{ "tests": [ { "gene": "ALK", "method": "ngs-dna", "mutations": ["\ud800"] } ] }""", "$.tests[0].mutations[0]")]
    public void An_unpaired_surrogate_escape_is_a_problem_at_its_string(string json, string path)
    {
        var outcome = CaseReader.Read(json);

        Assert.Null(outcome.Case);
        Assert.Equal(path, Assert.Single(outcome.Problems).Path);
    }

    [Fact]
    public void An_unreadable_field_name_in_an_element_parsed_elsewhere_is_a_problem_at_its_object()
    {
        using var doc = JsonDocument.Parse("""{ "patient": { "\udc00": 1 } }""");

        var outcome = CaseReader.Read(doc.RootElement);

        Assert.Equal("$.patient", Assert.Single(outcome.Problems).Path);
    }

    [Fact]
    public void Invalid_UTF8_in_an_element_parsed_elsewhere_is_a_problem_at_its_string()
    {
        using var doc = JsonDocument.Parse((byte[])[.. Utf8("{\"medications\":[\"a\",\""), 0xFF, .. Utf8("\"]}")]);

        var outcome = CaseReader.Read(doc.RootElement);

        Assert.Equal("$.medications[1]", Assert.Single(outcome.Problems).Path);
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    // A valid case padded by an unknown field to exactly the given size.
    private static byte[] Padded(int size)
    {
        var head = "{\"id\":\"case-big\",\"padding\":\"";
        const string tail = "\"}";
        return Utf8(head + new string('x', size - head.Length - tail.Length) + tail);
    }
}
