using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FusionGuide.Domain.Wire;

/// <summary>The code tables of enumerations: <see cref="Of{T}"/> for a whole enumeration, <see cref="Subset{T}"/> for some of its values.</summary>
public static class EnumCodec
{
    /// <summary>Every value of <typeparamref name="T"/> with the code its <see cref="JsonStringEnumMemberNameAttribute"/> names.</summary>
    public static EnumCodec<T> Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() where T : struct, Enum => EnumCodec<T>.All;

    /// <summary>A codec for some values only (e.g. the regions an approval may name), with their codes from <see cref="Of{T}"/>.</summary>
    public static EnumCodec<T> Subset<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(params T[] values) where T : struct, Enum =>
        new([.. values.Select(v => (v, EnumCodec<T>.All.Code(v)))]);

    /// <summary>
    /// Hands over <typeparamref name="T"/>'s table as written at build time from the same attributes (by the source
    /// generator src/FusionGuide.CodeTables, from a module initializer, before the enumeration's first use): a start then
    /// reads no attribute by reflection. The first table given wins; called only by generated code.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void UseGeneratedTable<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>((T Value, string Code)[] pairs) where T : struct, Enum =>
        GeneratedTable<T>.Pairs ??= pairs;

    /// <summary>Whether <typeparamref name="T"/>'s codes came from its generated table (tests check every enumeration has one).</summary>
    public static bool IsGenerated<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() where T : struct, Enum =>
        EnumCodec<T>.All.Generated;

    /// <summary>
    /// Reads <typeparamref name="T"/>'s codes from its members' attributes by reflection, in declaration order — what a
    /// generated table must equal (tests compare them).
    /// </summary>
    public static IReadOnlyList<(T Value, string Code)> FromAttributes<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() where T : struct, Enum =>
        EnumCodec<T>.ReadAttributes();
}

/// <summary>The table the build generated for <typeparamref name="T"/>, if any (<see cref="EnumCodec.UseGeneratedTable{T}"/>).</summary>
internal static class GeneratedTable<T> where T : struct, Enum
{
    public static (T Value, string Code)[]? Pairs;
}

/// <summary>
/// The one table that maps an enumeration to its wire codes (exact, case-sensitive). Each code is written once, on
/// its enum member as System.Text.Json's <see cref="JsonStringEnumMemberNameAttribute"/>; <see cref="EnumCodec.Of{T}"/>
/// has them, in declaration order, from the table the build generated from those attributes
/// (<see cref="EnumCodec.UseGeneratedTable{T}"/>), or reads them by reflection the first time the enumeration is used.
/// </summary>
/// <remarks>
/// Used by the case reader, the result writer, the knowledge loader and every front end. A value is looked up by its
/// number (the enumeration's int), a code in one <c>FrozenDictionary&lt;string, int&gt;</c>: why (docs/performance.md,
/// "Session 8"): with a <c>FrozenDictionary</c> keyed or valued by <typeparamref name="T"/> itself, Native AOT compiled
/// every frozen-dictionary variant once per enumeration — 3,198 methods, 0.84 MB of the CLI's code, whose type data
/// every start of the program unpacks, and ~100 dictionaries analysed at start.
/// </remarks>
public sealed class EnumCodec<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T> where T : struct, Enum
{
    private readonly FrozenDictionary<string, int> byCode; // code → the value's number
    private readonly string?[] byNumber;                   // the value's number → code (null: not in this codec)

    internal EnumCodec(IReadOnlyList<(T Value, string Code)> pairs, bool generated = false)
    {
        Generated = generated;
        byCode = pairs.ToFrozenDictionary(p => p.Code, p => Number(p.Value), StringComparer.Ordinal);
        byNumber = new string?[pairs.Count == 0 ? 0 : pairs.Max(p => Number(p.Value)) + 1];
        foreach (var (value, code) in pairs)
        {
            var n = Number(value);
            byNumber[n] = byNumber[n] is null ? code : throw new ArgumentException($"{typeof(T).Name} {value} is given twice", nameof(pairs));
        }

        Codes = [.. pairs.Select(p => p.Code)];
        Values = [.. pairs.Select(p => p.Value)];
    }

    // Every coded enumeration is an int numbered from 0 in declaration order (GeneratedCodeTableTests reads them all).
    private static int Number(T value) =>
        Unsafe.SizeOf<T>() == sizeof(int) && Unsafe.As<T, int>(ref value) is var n and >= 0 and < 4096
            ? n
            : throw new InvalidOperationException($"{typeof(T).Name}: a coded enumeration must be an int with small non-negative values");

    /// <summary>Every value with its code; a member without a code throws here (a programming error the first test touching the enum finds).</summary>
    internal static EnumCodec<T> All { get; } = GeneratedTable<T>.Pairs is { } generated ? new(generated, generated: true) : new(ReadAttributes());

    /// <summary>True when the codes came from the build's generated table rather than reflection.</summary>
    internal bool Generated { get; }

    internal static (T Value, string Code)[] ReadAttributes() => [.. Enum.GetValues<T>().Select(v => (v, CodeOf(v)))];

    /// <summary>All wire codes in declaration order.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>All values in declaration order.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>The wire code of a value.</summary>
    public string Code(T value) =>
        Number(value) is var n && n < byNumber.Length && byNumber[n] is { } code ? code : throw new KeyNotFoundException($"{typeof(T).Name} {value} has no code here");

    /// <summary>Reads a wire code; false when the code is not in the vocabulary.</summary>
    public bool TryParse(string? code, out T value)
    {
        if (code is not null && byCode.TryGetValue(code, out var n))
        {
            value = Unsafe.As<int, T>(ref n);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads a wire code that must be valid (knowledge files, already validated data).</summary>
    public T Parse(string code) =>
        TryParse(code, out var v) ? v : throw new FormatException($"'{code}' is not one of: {string.Join(", ", Codes)}");

    private static string CodeOf(T value)
    {
        var name = Enum.GetName(value)!;
        return typeof(T).GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} has no [JsonStringEnumMemberName] wire code.");
    }
}

/// <summary>
/// System.Text.Json converter that writes and reads an enumeration through its <see cref="EnumCodec.Of{T}"/> table:
/// exact codes only (unlike <see cref="JsonStringEnumConverter{TEnum}"/>, no numbers and no case-insensitive match).
/// </summary>
public sealed class CodecConverter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T> : JsonConverter<T> where T : struct, Enum
{
    private static EnumCodec<T> Codec => EnumCodec<T>.All;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.GetString();
        return Codec.TryParse(s, out var v) ? v : throw new JsonException($"'{s}' is not one of: {string.Join(", ", Codec.Codes)}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Codec.Code(value));
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Codec.Code(value));
    }
}
