using System.Text;
using System.Text.Json;
using FusionGuide.Domain.Validation;
using FusionGuide.Testing;

namespace FusionGuide.Domain.Tests;

/// <summary>Input that is not a case document at all (the shared set, <see cref="HostileDocuments"/>) is one problem at <c>$</c>, never an exception.</summary>
public class WholeDocumentTests
{
    public static TheoryData<string> Rows => HostileDocuments.Names;

    [Theory]
    [MemberData(nameof(Rows))]
    public void Input_that_is_not_a_case_is_one_problem_at_the_document(string row)
    {
        var outcome = CaseReader.Read(HostileDocuments.All[row]);

        Assert.Null(outcome.Case);
        Assert.False(outcome.IsValid);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void A_document_of_exactly_1000000_bytes_is_read()
    {
        var outcome = CaseReader.Read(HostileDocuments.Padded(CaseReader.MaxDocumentBytes));

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
}
