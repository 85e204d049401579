using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FusionGuide.Server.Audit;

/// <summary>
/// What a checkpoint vouches for: at <paramref name="Time"/>, store <paramref name="StoreId"/> ended at record
/// <paramref name="LastId"/> with hash <paramref name="LastHash"/>, and its feedback and hook-instance tables held
/// the rows their digests name.
/// </summary>
public sealed record AuditCheckpoint(string StoreId, long LastId, string LastHash, string Time, TableDigest Feedback, TableDigest HookLinks)
{
    /// <summary>The format tag, first line of what is signed.</summary>
    public const string Format = "fusionguide-audit-checkpoint/1";

    /// <summary>The bytes that are signed: the format tag and each field, length-prefixed (as the chain hashes fields).</summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(AuditChain.Digest(Format, StoreId, LastId.ToString(CultureInfo.InvariantCulture), LastHash, Time,
        Feedback.Count.ToString(CultureInfo.InvariantCulture), Feedback.Digest, HookLinks.Count.ToString(CultureInfo.InvariantCulture), HookLinks.Digest));

    /// <summary>The checkpoint of a store's current state.</summary>
    public static AuditCheckpoint Of(AuditState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Store.StoreId, state.LastId, state.LastHash, now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), state.Feedback, state.HookLinks);
    }
}

/// <summary>A checkpoint with its signature, as read from (or written to) the checkpoint directory.</summary>
/// <param name="Checkpoint">What is vouched for.</param>
/// <param name="Algorithm">The signature algorithm (<c>ES256</c>: ECDSA P-256, SHA-256, IEEE P1363 r‖s).</param>
/// <param name="KeyId">SHA-256 of the signer's public key (SubjectPublicKeyInfo DER), lower-case hex.</param>
/// <param name="Signature">The signature over <see cref="AuditCheckpoint.SignedBytes"/>, base64.</param>
public sealed record SignedCheckpoint(AuditCheckpoint Checkpoint, string Algorithm, string KeyId, string Signature);

/// <summary>
/// Signs checkpoints with a key the audit database does not hold. <see cref="EcdsaCheckpointSigner"/> reads a PEM key
/// file; an HSM or KMS plugs in by implementing this interface (sign SHA-256 with ECDSA P-256 and return r‖s — a
/// KMS that returns DER signatures converts with <c>ECDsa</c>'s signature-format helpers).
/// </summary>
public interface ICheckpointSigner
{
    /// <summary>The algorithm written with each signature (<c>ES256</c>).</summary>
    string Algorithm { get; }

    /// <summary>The public key (SubjectPublicKeyInfo DER) that verifies the signatures.</summary>
    ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Signs <paramref name="data"/>.</summary>
    Task<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken);
}

/// <summary>An ECDSA P-256 key from a PEM file (PKCS#8 or SEC1 private key).</summary>
public sealed class EcdsaCheckpointSigner : ICheckpointSigner, IDisposable
{
    private readonly ECDsa key;

    /// <summary>Uses <paramref name="key"/> (P-256 only).</summary>
    public EcdsaCheckpointSigner(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new CryptographicException("the checkpoint key must be an ECDSA P-256 key");
        }

        this.key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
    }

    /// <inheritdoc />
    public string Algorithm => CheckpointKeys.Es256;

    /// <inheritdoc />
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Reads a PEM private key file.</summary>
    public static EcdsaCheckpointSigner FromPemFile(string path)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(File.ReadAllText(path));
            return new EcdsaCheckpointSigner(ecdsa);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    /// <summary>Creates a new P-256 key and writes it to <paramref name="path"/> (PKCS#8 PEM, readable by the owner only).</summary>
    public static EcdsaCheckpointSigner CreatePemFile(string path)
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, Encoding.ASCII, options))
        {
            writer.Write(ecdsa.ExportPkcs8PrivateKeyPem());
        }

        return new EcdsaCheckpointSigner(ecdsa);
    }

    /// <inheritdoc />
    public Task<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken) =>
        Task.FromResult(key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <inheritdoc />
    public void Dispose() => key.Dispose();
}

/// <summary>Public keys that checkpoint signatures are checked against, by key id.</summary>
public sealed class CheckpointKeys
{
    /// <summary>ECDSA P-256 with SHA-256, signature r‖s.</summary>
    public const string Es256 = "ES256";

    private readonly Dictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    /// <summary>The key ids known.</summary>
    public IReadOnlyCollection<string> Ids => keys.Keys;

    /// <summary>The id of a public key: SHA-256 of its SubjectPublicKeyInfo DER, lower-case hex.</summary>
    public static string IdOf(ReadOnlySpan<byte> spki) => AuditChain.Sha256(spki);

    /// <summary>Adds a public key (SubjectPublicKeyInfo DER).</summary>
    public void Add(ReadOnlySpan<byte> spki) => keys[IdOf(spki)] = spki.ToArray();

    /// <summary>Adds the public key of a PEM file holding a public or a private ECDSA key.</summary>
    public void AddPemFile(string path)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(path));
        Add(ecdsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Null when the signature holds, else why not.</summary>
    public string? Check(SignedCheckpoint signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        return CheckSignature(signed.Algorithm, signed.KeyId, signed.Signature, signed.Checkpoint.SignedBytes());
    }

    /// <summary>Null when <paramref name="signatureBase64"/> by key <paramref name="keyId"/> holds over <paramref name="data"/>, else why not.</summary>
    public string? CheckSignature(string algorithm, string keyId, string signatureBase64, byte[] data)
    {
        if (algorithm != Es256)
        {
            return $"it is signed with '{algorithm}', not {Es256}";
        }

        if (keyId is null || !keys.TryGetValue(keyId, out var spki))
        {
            return $"it is signed by key {keyId?[..Math.Min(16, keyId.Length)]}…, which is not a trusted checkpoint key";
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64 ?? "");
        }
        catch (FormatException)
        {
            return "its signature is not base64";
        }

        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? null
            : "its signature does not hold (it was altered or forged)";
    }
}

/// <summary>A checkpoint file that could not be used, and why.</summary>
public sealed record CheckpointProblem(string File, string Reason, bool Torn);

/// <summary>
/// The checkpoint directory: one file per checkpoint, created and never rewritten (<c>cp-LASTID-TICKS-RANDOM.json</c>),
/// so it can live where the database writer cannot rewrite: a directory the server may only add to (<c>chattr +a</c>),
/// another host's mount, or WORM object storage (see docs/audit-integrity.md). The public keys that verify the
/// checkpoints are kept beside them as <c>key-KEYID.pub.pem</c>.
/// </summary>
public sealed class CheckpointDirectory(string path)
{
    /// <summary>The directory.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The default directory for a SQLite store: beside the file, named after it.</summary>
    public static string BesideSqlite(string sqlitePath) => System.IO.Path.GetFullPath(sqlitePath) + ".checkpoints";

    /// <summary>True when the directory holds at least one checkpoint file.</summary>
    public bool HasCheckpoints => Directory.Exists(Path) && Directory.EnumerateFiles(Path, "cp-*.json").Any();

    /// <summary>Writes the public key of <paramref name="signer"/> beside the checkpoints (once per key).</summary>
    public void PublishKey(ICheckpointSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, $"key-{CheckpointKeys.IdOf(signer.PublicKey.Span)[..16]}.pub.pem");
        if (!File.Exists(file))
        {
            WriteNew(file, PemEncoding.WriteString("PUBLIC KEY", signer.PublicKey.Span) + "\n");
        }
    }

    /// <summary>The public keys published beside the checkpoints.</summary>
    public CheckpointKeys PublishedKeys()
    {
        var keys = new CheckpointKeys();
        if (Directory.Exists(Path))
        {
            foreach (var f in Directory.EnumerateFiles(Path, "key-*.pub.pem"))
            {
                keys.AddPemFile(f);
            }
        }

        return keys;
    }

    /// <summary>Signs <paramref name="checkpoint"/> and adds it to the directory (a new file, flushed to disk).</summary>
    public async Task<SignedCheckpoint> WriteAsync(AuditCheckpoint checkpoint, ICheckpointSigner signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(signer);
        var signature = await signer.SignAsync(checkpoint.SignedBytes(), cancellationToken).ConfigureAwait(false);
        var signed = new SignedCheckpoint(checkpoint, signer.Algorithm, CheckpointKeys.IdOf(signer.PublicKey.Span), Convert.ToBase64String(signature));
        Directory.CreateDirectory(Path);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"cp-{checkpoint.LastId:D19}-{DateTime.UtcNow.Ticks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.json");
        WriteNew(System.IO.Path.Combine(Path, name), JsonSerializer.Serialize(CheckpointFile.From(signed), CheckpointJsonContext.Default.CheckpointFile) + "\n");
        return signed;
    }

    /// <summary>Adds a copy of a checkpoint signed elsewhere (an archive keeps the one that covers its month).</summary>
    public void CopyIn(SignedCheckpoint signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        Directory.CreateDirectory(Path);
        var name = string.Create(CultureInfo.InvariantCulture, $"cp-{signed.Checkpoint.LastId:D19}-{DateTime.UtcNow.Ticks:D19}-copy.json");
        WriteNew(System.IO.Path.Combine(Path, name), JsonSerializer.Serialize(CheckpointFile.From(signed), CheckpointJsonContext.Default.CheckpointFile) + "\n");
    }

    /// <summary>
    /// Reads every checkpoint with its signature checked against <paramref name="keys"/>. A file cut short or not
    /// JSON (a crash while it was written) is reported as torn; a well-formed one whose signature fails is reported as
    /// not holding.
    /// </summary>
    public (List<SignedCheckpoint> Checkpoints, List<CheckpointProblem> Problems) ReadAll(CheckpointKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var checkpoints = new List<SignedCheckpoint>();
        var problems = new List<CheckpointProblem>();
        if (!Directory.Exists(Path))
        {
            return (checkpoints, problems);
        }

        foreach (var f in Directory.EnumerateFiles(Path, "cp-*.json").Order(StringComparer.Ordinal))
        {
            CheckpointFile? file;
            try
            {
                file = JsonSerializer.Deserialize(File.ReadAllText(f), CheckpointJsonContext.Default.CheckpointFile);
            }
            catch (JsonException)
            {
                file = null;
            }

            var signed = file?.ToSigned();
            if (signed is null)
            {
                problems.Add(new CheckpointProblem(f, "it is not a complete checkpoint (cut short by a crash while it was written?)", Torn: true));
                continue;
            }

            if (keys.Check(signed) is { } reason)
            {
                problems.Add(new CheckpointProblem(f, reason, Torn: false));
                continue;
            }

            checkpoints.Add(signed);
        }

        return (checkpoints, problems);
    }

    /// <summary>The checkpoint naming the highest record (the newest of those on a tie).</summary>
    public static SignedCheckpoint? Latest(IEnumerable<SignedCheckpoint> checkpoints) =>
        checkpoints.OrderBy(c => c.Checkpoint.LastId).ThenBy(c => c.Checkpoint.Time, StringComparer.Ordinal).LastOrDefault();

    private static void WriteNew(string file, string text)
    {
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(Encoding.UTF8.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }
}

/// <summary>A checkpoint file's JSON form.</summary>
internal sealed record CheckpointFile(
    [property: JsonPropertyName("format")] string? Format,
    [property: JsonPropertyName("storeId")] string? StoreId,
    [property: JsonPropertyName("lastId")] long? LastId,
    [property: JsonPropertyName("lastHash")] string? LastHash,
    [property: JsonPropertyName("time")] string? Time,
    [property: JsonPropertyName("feedbackCount")] long? FeedbackCount,
    [property: JsonPropertyName("feedbackDigest")] string? FeedbackDigest,
    [property: JsonPropertyName("hookLinkCount")] long? HookLinkCount,
    [property: JsonPropertyName("hookLinkDigest")] string? HookLinkDigest,
    [property: JsonPropertyName("algorithm")] string? Algorithm,
    [property: JsonPropertyName("keyId")] string? KeyId,
    [property: JsonPropertyName("signature")] string? Signature)
{
    public static CheckpointFile From(SignedCheckpoint s)
    {
        var c = s.Checkpoint;
        return new(AuditCheckpoint.Format, c.StoreId, c.LastId, c.LastHash, c.Time, c.Feedback.Count, c.Feedback.Digest, c.HookLinks.Count, c.HookLinks.Digest,
            s.Algorithm, s.KeyId, s.Signature);
    }

    public SignedCheckpoint? ToSigned() =>
        Format == AuditCheckpoint.Format && StoreId is not null && LastId is { } id && LastHash is not null && Time is not null
        && FeedbackCount is { } fc && FeedbackDigest is not null && HookLinkCount is { } hc && HookLinkDigest is not null
        && Algorithm is not null && KeyId is not null && Signature is not null
            ? new SignedCheckpoint(new AuditCheckpoint(StoreId, id, LastHash, Time, new TableDigest(fc, FeedbackDigest), new TableDigest(hc, HookLinkDigest)),
                Algorithm, KeyId, Signature)
            : null;
}

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(CheckpointFile))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
