using System.Text;
using System.Text.Json;
using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>
/// Control characters and bidirectional overrides in any string of a case are invalid input, reported at their path
/// (issue #22): PostgreSQL refuses U+0000 in the audit trail, and an override makes a record read differently from
/// what it holds.
/// </summary>
public class ControlCharacterTests
{
    // JSON escapes (as written in the document) of every kind of refused character.
    public static TheoryData<string> RefusedEscapes =>
        [@"\u0000", @"\u0001", @"\b", @"\f", @"\n", @"\r", @"\u001f", @"\u001F", @"\u007f", @"\u202a", @"\u202E", @"\u2066", @"\u2069"];

    public static TheoryData<string, string> RefusedAtPaths => new()
    {
        { "$.id", @"case\u0000-1" },
        { "$.medications[0]", @"itra\nconazole" },
        { "$.patient.sex", @"fe\u0000male" },
        { "$.tests[2].variant", @"v3a\r" },
        { "$.tests[3].mutations[0]", @"G1202R\u0000" },
        { "$.tests[3].alterations[0]", @"MET amplification\n" },
        { "$.history[0].start", @"2020-11\u202e" },
        { "$.extension", @"\u2066text\u2069" },
        { "$.disease.sites[1]", @"\u007f" },
    };

    [Theory]
    [MemberData(nameof(RefusedEscapes))]
    public void A_refused_character_in_the_case_id_is_a_problem_at_the_id(string escape)
    {
        var outcome = CaseReader.Read(WithId($"case{escape}17"));

        Assert.Null(outcome.Case);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$.id", problem.Path);
        Assert.Contains("U+", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RefusedAtPaths))]
    public void A_refused_character_in_any_string_is_a_problem_at_its_path(string path, string escapedText)
    {
        var json = Set(path, escapedText);

        var outcome = CaseReader.Read(json);

        Assert.Null(outcome.Case);
        Assert.Contains(outcome.Problems, p => p.Path == path && p.Message.Contains("U+", StringComparison.Ordinal));
    }

    [Fact]
    public void A_NUL_in_the_case_id_is_named_in_the_problem()
    {
        var problem = Assert.Single(CaseReader.Read(WithId(@"a\u0000b")).Problems);

        Assert.Equal("$.id", problem.Path);
        Assert.StartsWith("holds the character U+0000 (NUL)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_character_in_a_field_name_is_a_problem_at_its_object_without_the_character_in_the_path()
    {
        var outcome = CaseReader.Read("""{ "id": "x", "patient": { "age": 50, "no\u0000te": 1 } }""");

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$.patient", problem.Path);
        Assert.Contains("field name", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((byte)0x7F)]
    [InlineData((byte)0xE2, (byte)0x80, (byte)0xAE)] // U+202E written as UTF-8, not as an escape
    [InlineData((byte)0xE2, (byte)0x81, (byte)0xA6)] // U+2066
    public void A_refused_character_written_unescaped_is_a_problem_too(params byte[] character)
    {
        var json = (byte[])[.. Encoding.UTF8.GetBytes("""{ "id": "case"""), .. character, .. Encoding.UTF8.GetBytes("""17" }""")];

        var outcome = CaseReader.Read(json);

        Assert.Equal("$.id", Assert.Single(outcome.Problems).Path);
    }

    [Fact]
    public void Every_problem_is_reported_with_a_refused_character()
    {
        var json = Cases.ValidWith(d =>
        {
            JsonPath.Set(d, "$.patient.age", 500);
            JsonPath.Set(d, "$.tests[1].percentRearrangedCells", 101);
        }).ToJsonString().Replace("\"case-017\"", "\"case\\u0000017\"", StringComparison.Ordinal);

        var outcome = CaseReader.Read(json);

        Assert.Equal(["$.id", "$.patient.age", "$.tests[1].percentRearrangedCells"], outcome.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(@"case\t17")]
    [InlineData("case 17 – é ü ≥ µ …")]
    [InlineData(@"case \u2028 17")]
    [InlineData(@"\u200f")]
    public void Tab_and_other_text_outside_the_refused_set_are_accepted(string id)
    {
        var outcome = CaseReader.Read(WithId(id));

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems.Select(p => $"{p.Path}: {p.Message}")));
    }

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { Cases.ValidText, WithId("plain"), WithId(@"tab\there"), WithId("en–dash"), WithId("quote\\\"d") };
        foreach (var escape in RefusedEscapes)
        {
            data.Add(WithId($"x{escape}"));
        }

        foreach (var row in RefusedAtPaths)
        {
            data.Add(Set(row.Data.Item1, row.Data.Item2));
        }

        data.Add("{ \"id\": \"del\u007f\" }");
        data.Add("{ \"id\": \"rlo\u202e\", \"extension\": 1 }");
        data.Add("""{ "id": "\ud800" }""");
        data.Add("""{ "id": "x", "extension": { "deeper": ["a", "b\u0000"], "na\u202eme": 1 } }""");
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_fast_and_the_strict_reading_agree_on_refused_text(string json)
    {
        // Read(bytes) skips the text walk when no byte could begin refused text; Read(element) always walks.
        var fast = CaseReader.Read(json);
        using var doc = JsonDocument.Parse(json);
        var strict = CaseReader.Read(doc.RootElement);

        Assert.Equal(strict.Problems, fast.Problems);
        Assert.Equal(strict.Notices, fast.Notices);
        Assert.Equal(strict.IsValid, fast.IsValid);
    }

    private static string WithId(string escapedId) => Cases.ValidText.Replace("\"case-017\"", $"\"{escapedId}\"", StringComparison.Ordinal);

    // The valid case with the string at path replaced by a placeholder, then the placeholder by the escaped text (so
    // the escapes reach the reader exactly as written).
    private static string Set(string path, string escapedText)
    {
        const string placeholder = "@@PLACEHOLDER@@";
        var doc = Cases.ValidWith(d => JsonPath.Set(d, path, placeholder));
        return doc.ToJsonString().Replace(placeholder, escapedText, StringComparison.Ordinal);
    }
}
