using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FusionGuide.Knowledge.Loading.Wire;

namespace FusionGuide.Knowledge.Loading;

/// <summary>What the build step made of a knowledge folder: its problems, or the two parts to embed.</summary>
/// <param name="Load">The full load and validation of the folder, exactly as <c>kb validate</c> and <c>--knowledge DIR</c> do it.</param>
/// <param name="Hash">The SHA-256 of the folder's files (<see cref="KnowledgeImage.Hash"/>).</param>
/// <param name="Runtime">The runtime image (null when the folder has problems).</param>
/// <param name="Provenance">The provenance part (null when the folder has problems).</param>
public sealed record KnowledgeImageBuild(LoadResult Load, string Hash, byte[]? Runtime, byte[]? Provenance);

/// <summary>
/// The knowledge base compiled at build time (docs/performance.md, "Session 7"). Why: the cold-start target
/// (<c>recommend</c> ≤ 20 ms) cannot be met while every start parses 842 files, validates every cross-record rule and
/// materialises 1.4 MB of provenance text (verification notes, evidence readings) that no answer prints. So the build
/// loads and validates the folder exactly as <c>kb validate</c> does, and embeds two JSON documents of the validated
/// files as read (<see cref="WireContent"/>, the source-generated reader the loader already uses):
/// <list type="bullet">
/// <item>the runtime image: every field except the provenance text — <c>verificationNote</c>, <c>evidence</c> and
/// <c>notes</c> of a fact, and the evidence under each side of a <c>disputed</c> block. What answers, traces, reports and
/// <c>kb show</c>'s summary lines print stays: sources, the verified flag, the evidence level, the dispute's summary and
/// its positions' values, dates. A start reads this one document and compiles it, without validating again;</item>
/// <item>the provenance part: every field, read only by what prints provenance (<c>kb audit</c>, <c>kb show</c>, a
/// record written as JSON) through <see cref="KnowledgeBase.WithProvenance"/>, and by <c>kb validate</c> of the
/// embedded copy.</item>
/// </list>
/// Both carry the hash of the files they were built from; the assembly carries the hash the build stamped. A part whose
/// hash differs (stale or tampered) is a load error (KB021), never a silent fall-back.
/// </summary>
public static class KnowledgeImage
{
    /// <summary>The runtime image's resource name.</summary>
    public const string RuntimeResource = "knowledge-image.json";

    /// <summary>The provenance part's resource name.</summary>
    public const string ProvenanceResource = "knowledge-provenance.json";

    /// <summary>The assembly-metadata key under which the build stamps the hash (FusionGuide.Knowledge.csproj).</summary>
    public const string HashMetadataKey = "FusionGuide.KnowledgeHash";

    /// <summary>The hash of the knowledge this assembly was built with, or null in an assembly without an image.</summary>
    public static string? BuiltHash { get; } = typeof(KnowledgeImage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == HashMetadataKey)?.Value;

    /// <summary>SHA-256 over every file's relative path and bytes, in ordinal path order (hex, lower case).</summary>
    public static string Hash(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var (path, bytes) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(path + "\0"));
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, bytes.LongLength);
            sha.AppendData(length);
            sha.AppendData(bytes);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// The build step: loads and validates the files in full (<see cref="KnowledgeLoader.Load(IEnumerable{ValueTuple{string, byte[]}})"/>);
    /// when valid, writes both parts stamped with the files' hash.
    /// </summary>
    public static KnowledgeImageBuild Build(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var load = KnowledgeLoader.Load(files);
        var hash = Hash(files);
        if (load.KnowledgeBase is not { } kb || load.Problems.Count > 0)
        {
            return new(load, hash, null, null);
        }

        return new(load, hash, Writer.Write(kb.Wire, hash, Writer.Lean), Writer.Write(kb.Wire, hash, Writer.Full));
    }

    /// <summary>Reads a runtime image; throws <see cref="KnowledgeBaseException"/> (KB021) when unreadable or built from other knowledge.</summary>
    internal static WireContent ReadRuntime(ReadOnlySpan<byte> image, string? expectedHash) => Read(image, expectedHash, RuntimeResource);

    /// <summary>Reads a provenance part; throws like <see cref="ReadRuntime"/>.</summary>
    internal static WireContent ReadProvenance(ReadOnlySpan<byte> part, string? expectedHash) => Read(part, expectedHash, ProvenanceResource);

    private static WireContent Read(ReadOnlySpan<byte> bytes, string? expectedHash, string part)
    {
        Document? doc;
        try
        {
            doc = JsonSerializer.Deserialize(bytes, KnowledgeJsonContext.Default.Document);
        }
        catch (JsonException ex)
        {
            throw Mismatch(part, $"unreadable ({ex.Message})");
        }

        if (doc is null)
        {
            throw Mismatch(part, "empty");
        }

        if (expectedHash is null || doc.KnowledgeHash != expectedHash)
        {
            throw Mismatch(part, $"built from knowledge {doc.KnowledgeHash}, but this program was built with {expectedHash ?? "no knowledge image"}");
        }

        return doc.Content;
    }

    private static KnowledgeBaseException Mismatch(string part, string what) =>
        new([new KnowledgeProblem(KnowledgeCodes.ImageMismatch, part, $"the embedded knowledge {what}: rebuild the program")]);

    /// <summary>The build's writers, apart so a start never sets them up.</summary>
    private static class Writer
    {
        public static byte[] Write(WireContent content, string hash, JsonSerializerOptions options) =>
            JsonSerializer.SerializeToUtf8Bytes(new Document(hash, content), (JsonTypeInfo<Document>)options.GetTypeInfo(typeof(Document)));

        public static readonly JsonSerializerOptions Full = Options(null);

        public static readonly JsonSerializerOptions Lean = Options(LeaveOutProvenanceText);

        // Compact: no indentation, no nulls, no empty optional lists (each reads back as its default: null, or the getter's empty list).
        private static JsonSerializerOptions Options(Action<JsonTypeInfo>? modifier)
        {
            var resolver = KnowledgeJsonContext.Default.WithAddedModifier(LeaveOutEmptyLists);
            return new(KnowledgeJsonContext.Default.Options)
            {
                TypeInfoResolver = modifier is null ? resolver : resolver.WithAddedModifier(modifier),
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                WriteIndented = false,
            };
        }

        // Not WireContent's own lists: they are constructor parameters, required when read.
        private static void LeaveOutEmptyLists(JsonTypeInfo type)
        {
            if (type.Type == typeof(WireContent))
            {
                return;
            }

            foreach (var property in type.Properties.Where(p => !p.IsRequired && p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
            {
                property.ShouldSerialize = static (_, value) => value is not System.Collections.ICollection { Count: 0 };
            }
        }

        /// <summary>
        /// The provenance text no answer prints: a fact's verification note, evidence readings and reviewer notes, and the
        /// readings under each side of a dispute. Left out of the runtime image by name, on the wire types that carry them.
        /// </summary>
        private static void LeaveOutProvenanceText(JsonTypeInfo type)
        {
            var evidenced = typeof(WireEvidenced).IsAssignableFrom(type.Type);
            foreach (var property in type.Properties)
            {
                if ((evidenced && property.Name is "verificationNote" or "evidence" or "notes")
                    || (type.Type == typeof(DisputePosition) && property.Name == "evidence"))
                {
                    property.ShouldSerialize = static (_, _) => false;
                }
            }
        }
    }

    /// <summary>One embedded part: the hash of the files it was built from, and their content.</summary>
    internal sealed record Document(string KnowledgeHash, WireContent Content);
}
