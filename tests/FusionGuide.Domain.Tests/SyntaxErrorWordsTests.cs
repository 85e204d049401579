using System.Text;
using System.Text.Json;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>
/// The command-line build trims the runtime's message texts (UseSystemResourceKeys), so a JSON syntax error arrives as
/// its resource key ("ZeroDepthAtEnd, "): the problem list says it in words, with the line and column.
/// </summary>
public class SyntaxErrorWordsTests
{
    private static string Words(string text, string message, long line, long column) =>
        CaseReader.SyntaxError(Encoding.UTF8.GetBytes(text), new JsonException(message, null, line, column));

    [Fact]
    public void A_resource_key_for_an_unfinished_document_is_said_in_words() =>
        Assert.Equal("not valid JSON at line 1, column 8: the document ends before it is complete (an object or array is not closed)",
            Words("{\"id\": ", "ZeroDepthAtEnd, ", 0, 7));

    [Fact]
    public void A_resource_key_with_its_argument_names_the_character_found() =>
        Assert.Equal("not valid JSON at line 1, column 8: a value was expected but found 'x'",
            Words("{\"id\": x}", "ExpectedStartOfValueNotFound, x LineNumber: 0 | BytePositionInLine: 7.", 0, 7));

    [Fact]
    public void An_unknown_resource_key_is_named_as_the_parser_s() =>
        Assert.Equal("not valid JSON at line 1, column 2: the JSON parser reports SomeNewKey ('q')",
            Words("{q", "SomeNewKey, q", 0, 1));

    [Fact]
    public void A_full_sentence_from_the_parser_is_kept() =>
        Assert.StartsWith("not valid JSON at line 1, column 8: expected depth to be zero",
            Words("{\"id\": ", "Expected depth to be zero at the end of the JSON payload. LineNumber: 0 | BytePositionInLine: 7.", 0, 7), StringComparison.Ordinal);
}
