using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FusionGuide.Server.Audit;

/// <summary>
/// The hash chain: <c>hash = SHA-256(prev_hash || canonical fields)</c>, lower-case hex.
/// </summary>
/// <remarks>
/// The canonical form writes each field as its UTF-8 byte length, a colon and the bytes, in a fixed order (id,
/// recordedAt, caseId, caseSha256, knowledgeBaseVersion, asOf, resultJson, from record format 2 on caseJson, and from
/// format 3 on the caller's kind and name);
/// a missing value is written as <c>~</c>. Length prefixes make the encoding unambiguous: no two different records
/// share a canonical form (a format 1 record has one field fewer, so neither can pass for the other). The texts are
/// hashed, not their compressed bytes.
/// </remarks>
public static class AuditChain
{
    /// <summary>The previous hash of the first record.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Computes a record's hash from the previous hash and its fields, as record format <paramref name="format"/> hashes them.</summary>
    public static string Hash(string prevHash, long id, AuditEntry entry, int format = AuditRecord.CurrentFormat)
    {
        ArgumentNullException.ThrowIfNull(prevHash);
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        Write(buffer, prevHash);
        Write(buffer, id.ToString(CultureInfo.InvariantCulture));
        Write(buffer, entry.RecordedAt);
        Write(buffer, entry.CaseId);
        Write(buffer, entry.CaseSha256);
        Write(buffer, entry.KnowledgeBaseVersion);
        Write(buffer, entry.AsOf);
        Write(buffer, entry.ResultJson);
        if (format >= 2)
        {
            Write(buffer, entry.CaseJson);
        }

        if (format >= 3)
        {
            Write(buffer, entry.Caller?.Kind);
            Write(buffer, entry.Caller?.Name);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>
    /// The previous hash of a store's first record: binds the chain to its store id, its first id and, for a chain begun
    /// after another (<c>--audit-new-chain</c>), to the last checkpoint of the store before it. Stores created before
    /// store ids existed keep <see cref="Genesis"/> (64 zeros).
    /// </summary>
    public static string GenesisHash(AuditStoreInfo store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Digest("fusionguide-audit-genesis/1", store.StoreId, store.FirstId.ToString(CultureInfo.InvariantCulture), store.CreatedAt,
            store.PreviousStoreId, store.PreviousLastId?.ToString(CultureInfo.InvariantCulture), store.PreviousLastHash);
    }

    /// <summary>SHA-256 (lower-case hex) of the fields in the chain's canonical, length-prefixed form.</summary>
    public static string Digest(params string?[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var buffer = new MemoryStream();
        foreach (var f in fields)
        {
            Write(buffer, f);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>SHA-256 of some bytes as lower-case hex (the case hash that logs and records carry).</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void Write(MemoryStream buffer, string? field)
    {
        if (field is null)
        {
            buffer.WriteByte((byte)'~');
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(field);
        Span<byte> length = stackalloc byte[20];
        Utf8Formatter.TryFormat(bytes.Length, length, out var written);
        buffer.Write(length[..written]);
        buffer.WriteByte((byte)':');
        buffer.Write(bytes);
    }
}
