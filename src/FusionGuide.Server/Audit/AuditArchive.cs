using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FusionGuide.Server.Audit;

/// <summary>
/// A run of consecutive records taken out of the live store: ids <paramref name="FirstId"/> to <paramref name="LastId"/>,
/// the first chained to <paramref name="PrevHash"/>, the last hashing to <paramref name="LastHash"/>. A month's records
/// are usually one run; records stamped just before midnight but committed after the next month's first ones (the
/// time is taken when the request is served, the id when it is written) make a month two or more runs.
/// </summary>
public sealed record ArchivedSegment(long FirstId, string PrevHash, long LastId, string LastHash)
{
    /// <summary>How many records the run holds.</summary>
    public long Count => LastId - FirstId + 1;

    /// <summary>The runs of consecutive ids in <paramref name="records"/> (sorted by id).</summary>
    public static List<ArchivedSegment> Of(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var segments = new List<ArchivedSegment>();
        for (var i = 0; i < records.Count; i++)
        {
            var start = i;
            while (i + 1 < records.Count && records[i + 1].Id == records[i].Id + 1)
            {
                i++;
            }

            segments.Add(new ArchivedSegment(records[start].Id, records[start].PrevHash, records[i].Id, records[i].Hash));
        }

        return segments;
    }
}

/// <summary>
/// What <c>audit archive</c> vouches for when it detaches a month: store <paramref name="StoreId"/>'s records of
/// <paramref name="Month"/> (<c>YYYY-MM</c>), <paramref name="Count"/> of them in <paramref name="Segments"/>, moved to the
/// table <paramref name="Table"/> (to be dumped with <c>pg_dump</c>), checked against the signed checkpoint
/// (<paramref name="CheckpointLastId"/>, <paramref name="CheckpointLastHash"/>, <paramref name="CheckpointTime"/>) whose
/// record is at or after the month's last one, at <paramref name="Time"/>.
/// </summary>
public sealed record AuditArchiveManifest(string StoreId, string Month, string Table, long Count, IReadOnlyList<ArchivedSegment> Segments,
    string Time, long CheckpointLastId, string CheckpointLastHash, string CheckpointTime)
{
    /// <summary>The format tag, first field of what is signed.</summary>
    public const string Format = "fusionguide-audit-archive/1";

    /// <summary>The bytes that are signed (fields length-prefixed as the chain hashes them, one group per segment).</summary>
    public byte[] SignedBytes()
    {
        var fields = new List<string?> { Format, StoreId, Month, Table, Count.ToString(CultureInfo.InvariantCulture), Time,
            CheckpointLastId.ToString(CultureInfo.InvariantCulture), CheckpointLastHash, CheckpointTime };
        foreach (var s in Segments)
        {
            fields.AddRange([s.FirstId.ToString(CultureInfo.InvariantCulture), s.PrevHash, s.LastId.ToString(CultureInfo.InvariantCulture), s.LastHash]);
        }

        return Encoding.UTF8.GetBytes(AuditChain.Digest([.. fields]));
    }

    /// <summary>The ids as text: <c>1–57</c>, or <c>1–50, 53–57</c>.</summary>
    public string Ranges => string.Join(", ", Segments.Select(s => s.FirstId == s.LastId ? $"{s.FirstId}" : $"{s.FirstId}–{s.LastId}"));
}

/// <summary>A manifest with its signature (made with the checkpoint key).</summary>
public sealed record SignedArchiveManifest(AuditArchiveManifest Manifest, string Algorithm, string KeyId, string Signature)
{
    /// <summary>The manifest's file name in an archive directory.</summary>
    public const string FileName = "archive-manifest.json";

    /// <summary>Signs <paramref name="manifest"/>.</summary>
    public static async Task<SignedArchiveManifest> SignAsync(AuditArchiveManifest manifest, ICheckpointSigner signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(signer);
        var signature = await signer.SignAsync(manifest.SignedBytes(), cancellationToken).ConfigureAwait(false);
        return new(manifest, signer.Algorithm, CheckpointKeys.IdOf(signer.PublicKey.Span), Convert.ToBase64String(signature));
    }

    /// <summary>Null when the signature holds against <paramref name="keys"/>, else why not.</summary>
    public string? Check(CheckpointKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.CheckSignature(Algorithm, KeyId, Signature, Manifest.SignedBytes());
    }

    /// <summary>Writes the manifest as a new file (never over an existing one), flushed to disk.</summary>
    public void WriteNew(string file)
    {
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this, ArchiveJsonContext.Default.SignedArchiveManifest) + "\n"));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads a manifest file; null when it is not one (cut short, or another file).</summary>
    public static SignedArchiveManifest? Read(string file)
    {
        try
        {
            var m = JsonSerializer.Deserialize(File.ReadAllText(file), ArchiveJsonContext.Default.SignedArchiveManifest);
            return m?.Manifest is { StoreId: not null, Segments: not null } && m.Manifest.Segments.Count > 0 && m.Signature is not null ? m : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The file name a manifest takes in the checkpoint directory (beside the checkpoints it relies on).</summary>
    public string CheckpointDirectoryName() => string.Create(CultureInfo.InvariantCulture,
        $"ar-{Manifest.Month}-{DateTime.UtcNow.Ticks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.json");
}

/// <summary>The archive manifests in a checkpoint directory (<c>ar-*.json</c>), each signature-checked.</summary>
public static class ArchiveManifests
{
    /// <summary>The manifests whose signature holds, and the files that are not good manifests.</summary>
    public static (List<SignedArchiveManifest> Manifests, List<CheckpointProblem> Problems) ReadAll(CheckpointDirectory directory, CheckpointKeys keys)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var manifests = new List<SignedArchiveManifest>();
        var problems = new List<CheckpointProblem>();
        if (!Directory.Exists(directory.Path))
        {
            return (manifests, problems);
        }

        foreach (var f in Directory.EnumerateFiles(directory.Path, "ar-*.json").Order(StringComparer.Ordinal))
        {
            var m = SignedArchiveManifest.Read(f);
            var reason = m is null ? "it is not a complete archive manifest" : m.Check(keys);
            if (reason is null)
            {
                manifests.Add(m!);
            }
            else
            {
                problems.Add(new CheckpointProblem(f, reason, Torn: m is null));
            }
        }

        return (manifests, problems);
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SignedArchiveManifest))]
internal sealed partial class ArchiveJsonContext : JsonSerializerContext;
