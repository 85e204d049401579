using System.Text.Json;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// The case reader's one performance technique, kept to this type (issue #19). The parser's check for a field named
/// twice decodes and hashes every field name of the document, about 3 % of the whole <c>recommend</c> path measured
/// by <c>bench</c> (docs/performance.md). Most cases are valid and hold only contract fields, so the document is first
/// parsed without that check and read as usual; the reading is kept only when it is clean — a case, no problem, no
/// notice, no field the reader read named twice (<see cref="CaseReading.FieldNamedTwice"/>). Anything else returns
/// null, and <see cref="CaseReader"/> reads the document again with every check on.
/// </summary>
/// <remarks>
/// Why a clean reading is the strict one: a duplicate among the fields read is seen by the reader; a duplicate
/// anywhere else lies inside a field no rule reads (an unknown field: a notice) or inside a value of the wrong type (a
/// problem), and either sends the document to the strict reading. <c>ReaderPathsAgreeTests</c>
/// (FusionGuide.Properties.Tests) checks on generated, edited and hostile documents that
/// <see cref="CaseReader.Read(ReadOnlyMemory{byte})"/> and <see cref="CaseReader.ReadStrictly"/> give the same case,
/// problems and notices.
/// </remarks>
internal static class OptimisticReading
{
    private static readonly JsonDocumentOptions Options = CaseReader.DocumentOptions with { AllowDuplicateProperties = true };

    /// <summary>The outcome of a clean reading without the duplicate-name check, or null when the document needs the strict one.</summary>
    public static ReadOutcome? TryRead(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8, Options);
            var (outcome, fieldNamedTwice) = CaseReader.ReadRoot(doc.RootElement, UnicodeText.MayHoldRefusedText(utf8.Span));
            return outcome.IsValid && outcome.Notices.Count == 0 && !fieldNamedTwice ? outcome : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null; // the strict reading words the problem
        }
    }
}
