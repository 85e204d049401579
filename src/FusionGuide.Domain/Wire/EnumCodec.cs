using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FusionGuide.Domain.Wire;

/// <summary>
/// The one table that maps an enumeration to its contract wire codes (exact, case-sensitive).
/// </summary>
/// <remarks>Used by the case reader, the result writer and every front end, so a code is written in one place.</remarks>
public sealed class EnumCodec<T> where T : struct, Enum
{
    private readonly FrozenDictionary<string, T> byCode;
    private readonly FrozenDictionary<T, string> byValue;

    /// <summary>Creates a codec from (value, code) pairs; every value of <typeparamref name="T"/> must appear once.</summary>
    public EnumCodec(params (T Value, string Code)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        byCode = pairs.ToFrozenDictionary(p => p.Code, p => p.Value, StringComparer.Ordinal);
        byValue = pairs.ToFrozenDictionary(p => p.Value, p => p.Code);
        Codes = [.. pairs.Select(p => p.Code)];
        Values = [.. pairs.Select(p => p.Value)];
    }

    /// <summary>All wire codes in contract order.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>All values in contract order.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>The wire code of a value.</summary>
    public string Code(T value) => byValue[value];

    /// <summary>Reads a wire code; false when the code is not in the vocabulary.</summary>
    public bool TryParse(string? code, out T value)
    {
        if (code is not null && byCode.TryGetValue(code, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads a wire code that must be valid (knowledge files, already validated data).</summary>
    public T Parse(string code) =>
        TryParse(code, out var v) ? v : throw new FormatException($"'{code}' is not one of: {string.Join(", ", Codes)}");
}

/// <summary>System.Text.Json converter that writes and reads an enumeration through its <see cref="EnumCodec{T}"/>.</summary>
public abstract class CodecConverter<T>(EnumCodec<T> codec) : JsonConverter<T> where T : struct, Enum
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.GetString();
        return codec.TryParse(s, out var v) ? v : throw new JsonException($"'{s}' is not one of: {string.Join(", ", codec.Codes)}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(codec.Code(value));
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(codec.Code(value));
    }
}
