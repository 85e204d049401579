using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// Reads and validates a case document against the contract (both schemas and the README), reporting every
/// problem at once with its JSON path. Never throws for bad input.
/// </summary>
/// <remarks>
/// The document is checked as a whole first (size, UTF-8, JSON grammar, refused characters: one problem at <c>$</c>
/// or at the string concerned), then each part by <see cref="CaseParts"/>. <see cref="OptimisticReading"/> reads most
/// documents faster and gives exactly what <see cref="ReadStrictly"/> gives.
/// </remarks>
public static class CaseReader
{
    /// <summary>Largest case document accepted, in bytes (the HTTP API answers 413 above it).</summary>
    public const int MaxDocumentBytes = 1_000_000;

    /// <summary>The contract's JSON: no comments, no trailing commas, no field named twice, nesting at most 32 deep.</summary>
    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 32,
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Reads a case from UTF-8 bytes.</summary>
    public static ReadOutcome Read(ReadOnlyMemory<byte> utf8) =>
        CheckDocument(utf8) ?? OptimisticReading.TryRead(utf8) ?? Parse(utf8);

    /// <summary>Reads a case from a string.</summary>
    public static ReadOutcome Read(string json) => Read(Encoding.UTF8.GetBytes(json ?? ""));

    /// <summary>Reads a case from a parsed element.</summary>
    public static ReadOutcome Read(JsonElement root) => ReadRoot(root, checkText: true).Outcome;

    /// <summary>The reading every document would get without <see cref="OptimisticReading"/> (its tests compare the two).</summary>
    internal static ReadOutcome ReadStrictly(ReadOnlyMemory<byte> utf8) => CheckDocument(utf8) ?? Parse(utf8);

    /// <summary>The problem with the document as a whole (empty, too large, not UTF-8), or null.</summary>
    private static ReadOutcome? CheckDocument(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length == 0 || utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Fail("the input is empty: expected a case object");
        }

        if (utf8.Length > MaxDocumentBytes)
        {
            return Fail($"the input is {utf8.Length} bytes; a case may be at most {MaxDocumentBytes} bytes");
        }

        // The JSON parser checks UTF-8 only where it must: bytes inside strings would throw later, when read as text.
        return Utf8.IsValid(utf8.Span) ? null : Fail("not valid UTF-8 text");
    }

    /// <summary>Parses the document with every check of the contract's grammar on, then reads it.</summary>
    private static ReadOutcome Parse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8, DocumentOptions);
            return ReadRoot(doc.RootElement, UnicodeText.MayHoldRefusedText(utf8.Span)).Outcome;
        }
        catch (JsonException ex)
        {
            return Fail(SyntaxError(utf8.Span, ex));
        }
        catch (InvalidOperationException)
        {
            // Thrown by the duplicate-field check, which must decode every field name.
            return Fail("not valid Unicode text: a field name holds an unpaired surrogate escape");
        }
    }

    /// <param name="root">The document's root.</param>
    /// <param name="checkText">
    /// Whether strings or field names may hold unreadable or refused text (<see cref="UnicodeText"/>); false only when the
    /// document's bytes prove they hold none.
    /// </param>
    internal static (ReadOutcome Outcome, bool FieldNamedTwice) ReadRoot(JsonElement root, bool checkText)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (Fail($"the case must be a JSON object, not {JsonFields.Kind(root)}"), false);
        }

        // Unreadable text stops the reading (reading it would throw); a refused character is a problem like any other,
        // and the rest of the case is still checked so that every problem is reported at once.
        var reading = new CaseReading();
        if (checkText && !UnicodeText.Check(root, "$", reading.Problems))
        {
            return (new ReadOutcome(null, reading.Problems, []), false);
        }

        var c = CaseParts.Read(new JsonFields(root, "$", reading));
        var outcome = new ReadOutcome(reading.Problems.Count == 0 ? c : null, reading.Problems, reading.Notices.ToList());
        return (outcome, reading.FieldNamedTwice);
    }

    /// <summary>
    /// The parser's message as a sentence. The command-line build trims the runtime's message texts
    /// (<c>UseSystemResourceKeys</c>, for its size and start-up), so a syntax error arrives as its resource key and
    /// arguments ("ZeroDepthAtEnd, "); an integrator reading the problem list needs the words, so the common keys are
    /// written out and any other key is named as the parser's.
    /// </summary>
    private static string Sentence(string message)
    {
        var comma = message.IndexOf(',', StringComparison.Ordinal);
        var key = comma < 0 ? message.Trim() : message[..comma].Trim();
        if (key.Length == 0 || key.Any(char.IsWhiteSpace))
        {
            return message;
        }

        var arg = comma < 0 ? "" : message[(comma + 1)..].Trim();
        return key switch
        {
            "ZeroDepthAtEnd" or "InvalidEndOfJsonNonPrimitive" or "ExpectedJsonTokens" => "the document ends before it is complete (an object or array is not closed)",
            "ExpectedStartOfValueNotFound" => $"a value was expected but found '{arg}'",
            "ExpectedStartOfPropertyNotFound" or "ExpectedStartOfPropertyOrValueNotFound" => $"a property name in double quotes was expected but found '{arg}'",
            "ExpectedSeparatorAfterPropertyNameNotFound" => $"':' was expected after a property name but found '{arg}'",
            "ExpectedEndOfDigitNotFound" or "RequiredDigitNotFoundAfterSign" or "RequiredDigitNotFoundAfterDecimal" or "RequiredDigitNotFoundEndOfData" => $"a number is malformed ('{arg}')",
            "EndOfStringNotFound" => "a string is not closed (a closing double quote is missing)",
            "InvalidCharacterWithinString" => $"a string holds a character that must be escaped ('{arg}')",
            "InvalidCharacterAfterEscapeWithinString" or "InvalidHexCharacterWithinString" => $"a string holds an invalid escape ('{arg}')",
            "ExpectedEndAfterSingleJson" => $"there is text after the end of the JSON document ('{arg}')",
            "ExpectedValueAfterPropertyNameNotFound" => "a value was expected after a property name",
            "FoundInvalidCharacter" => $"an unexpected character was found ('{arg}')",
            "ArrayDepthTooLarge" or "DepthTooLarge" => "the document is nested too deeply",
            "TrailingCommaNotAllowedBeforeObjectEnd" or "TrailingCommaNotAllowedBeforeArrayEnd" => "a comma is followed by the end of an object or array",
            "ExpectedFalse" or "ExpectedTrue" or "ExpectedNull" => $"a literal is misspelled ('{arg}'; true, false and null are lower case)",
            _ => $"the JSON parser reports {key}{(arg.Length > 0 ? $" ('{arg}')" : "")}",
        };
    }

    /// <summary>A JSON syntax error in words: where (line and column, counted from 1, the column in characters) and what.</summary>
    internal static string SyntaxError(ReadOnlySpan<byte> utf8, JsonException ex)
    {
        var what = ex.Message;
        var cut = what.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            what = what[..cut];
        }

        what = Sentence(what);

        what = what.Trim().TrimEnd('.');
        if (what.Length > 0)
        {
            what = char.ToLowerInvariant(what[0]) + what[1..];
        }

        if (ex.LineNumber is not { } line || ex.BytePositionInLine is not { } bytes)
        {
            return $"not valid JSON: {what}";
        }

        // The parser counts lines from 0 and the position in bytes; a person counts from 1, in characters.
        var start = 0;
        for (long l = 0; l < line && start < utf8.Length; l++)
        {
            var nl = utf8[start..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                break;
            }

            start += nl + 1;
        }

        var inLine = utf8.Slice(start, (int)Math.Min(bytes, utf8.Length - start));
        var column = 1;
        foreach (var b in inLine)
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return $"not valid JSON at line {line + 1}, column {column}: {what}";
    }

    private static ReadOutcome Fail(string message) => new(null, [new Problem("$", message)], []);
}
