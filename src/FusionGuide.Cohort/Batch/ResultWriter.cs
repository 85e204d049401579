using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Cohort.Batch;

/// <summary>
/// Writes NDJSON output lines: a result exactly as <see cref="ContractJson.Serialize(Result, bool)"/> writes it
/// compactly, or a problem line for input that could not be evaluated.
/// </summary>
/// <remarks>
/// Problem line: <c>{"line": 17, "problems": [{"path": "$.tests[0].gene", "message": "…"}]}</c> (1-based input line
/// number; the problems are the contract's, as <c>validate</c> reports them). Fault line (the engine failed on a
/// valid case, which is a bug): <c>{"line": 17, "fault": "…"}</c>.
/// </remarks>
public static class ResultWriter
{
    /// <summary>The writer options that give the same bytes as <see cref="ContractJson.Compact"/> (the writer, not the serializer, decides encoding and indentation).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Writes a result and a newline.</summary>
    public static void WriteResult(Utf8JsonWriter writer, IBufferWriter<byte> buffer, Result result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(buffer);
        JsonSerializer.Serialize(writer, result, ContractJson.Compact.Result);
        NewLine(writer, buffer);
    }

    /// <summary>Writes a problem line and a newline.</summary>
    public static void WriteProblems(Utf8JsonWriter writer, IBufferWriter<byte> buffer, long line, IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(problems);
        writer.WriteStartObject();
        writer.WriteNumber("line"u8, line);
        writer.WriteStartArray("problems"u8);
        foreach (var p in problems)
        {
            writer.WriteStartObject();
            writer.WriteString("path"u8, p.Path);
            writer.WriteString("message"u8, p.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        NewLine(writer, buffer);
    }

    /// <summary>Writes a fault line and a newline.</summary>
    public static void WriteFault(Utf8JsonWriter writer, IBufferWriter<byte> buffer, long line, string message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("line"u8, line);
        writer.WriteString("fault"u8, message);
        writer.WriteEndObject();
        NewLine(writer, buffer);
    }

    private static void NewLine(Utf8JsonWriter writer, IBufferWriter<byte> buffer)
    {
        writer.Flush();
        writer.Reset();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
    }
}
