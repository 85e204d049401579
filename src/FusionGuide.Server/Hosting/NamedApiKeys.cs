using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FusionGuide.Server.Hosting;

/// <summary>What a caller may do besides asking for recommendations.</summary>
public enum CallerRole
{
    /// <summary>Asks for recommendations (a person, through the web page or a client).</summary>
    Clinician,

    /// <summary>An EHR or other system asking for recommendations on behalf of its users.</summary>
    Integration,

    /// <summary>Also reads the audit trail and the stored cases (<c>/v1/audit…</c>).</summary>
    Auditor,
}

/// <summary>A named API key as the key file holds it: its name, role, salt and salted hash — never the key.</summary>
public sealed record NamedApiKey(string Name, CallerRole Role, byte[] Salt, byte[] Hash);

/// <summary>
/// The named API keys a server accepts (<c>--api-keys FILE</c>). The file holds one key a line,
/// <c>NAME ROLE sha256:SALT:HASH</c> (salt and hash in hex; <c>#</c> begins a comment): the hash is SHA-256 over a random
/// 16-byte salt of its own and the key's UTF-8 bytes, so the file holds nothing a client could present, and two files
/// with the same key do not show it. Keys are random 32-byte values (<c>keys add</c>), so a fast hash is enough: there
/// is no password to guess. <c>keys add NAME ROLE</c> makes a key and its line; <c>keys hash NAME ROLE</c> makes the line
/// of a key read from standard input.
/// </summary>
public sealed partial class NamedApiKeys
{
    /// <summary>The hash scheme named in each line.</summary>
    public const string Scheme = "sha256";

    /// <summary>Shortest key accepted from <c>keys hash</c>: a short key could be guessed.</summary>
    public const int MinKeyLength = 16;

    private readonly IReadOnlyList<NamedApiKey> keys;

    /// <summary>Holds <paramref name="keys"/> (their names are unique).</summary>
    public NamedApiKeys(IReadOnlyList<NamedApiKey> keys) => this.keys = keys;

    /// <summary>The keys, without any secret.</summary>
    public IReadOnlyList<NamedApiKey> Keys => keys;

    /// <summary>
    /// The key <paramref name="given"/> is, or null. Every key's hash is computed and compared in constant time, and
    /// the loop never stops early, so the time taken says nothing about which key (if any) came close.
    /// </summary>
    public NamedApiKey? Find(string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var bytes = Encoding.UTF8.GetBytes(given);
        NamedApiKey? found = null;
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(HashOf(key.Salt, bytes), key.Hash))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>Reads a key file; every line that cannot be used is a problem (line number and reason), none is skipped.</summary>
    public static (NamedApiKeys Keys, IReadOnlyList<string> Problems) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<NamedApiKey>();
        var problems = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (key, reason) = ParseLine(line);
            if (reason is not null)
            {
                problems.Add($"line {i + 1}: {reason}");
            }
            else if (list.Any(k => k.Name == key!.Name))
            {
                problems.Add($"line {i + 1}: the name '{key!.Name}' is given twice");
            }
            else
            {
                list.Add(key!);
            }
        }

        if (list.Count == 0 && problems.Count == 0)
        {
            problems.Add("the file holds no key (add one with 'fusionguide-server keys add NAME ROLE --api-keys FILE')");
        }

        return (new NamedApiKeys(list), problems);
    }

    private static (NamedApiKey? Key, string? Reason) ParseLine(string line)
    {
        var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3)
        {
            return (null, "expected NAME ROLE sha256:SALT:HASH (a key itself never belongs in this file)");
        }

        if (NameProblem(fields[0]) is { } badName)
        {
            return (null, badName);
        }

        if (RoleOf(fields[1]) is not { } role)
        {
            return (null, $"the role '{fields[1]}' is not one of {string.Join(", ", RoleNames)}");
        }

        var parts = fields[2].Split(':');
        if (parts.Length != 3 || parts[0] != Scheme || !TryHex(parts[1], 16, out var salt) || !TryHex(parts[2], 32, out var hash))
        {
            return (null, $"the hash must be {Scheme}:SALT:HASH with a 32-digit hex salt and a 64-digit hex hash");
        }

        return (new NamedApiKey(fields[0], role, salt, hash), null);
    }

    /// <summary>The line for <paramref name="key"/> under <paramref name="name"/> and <paramref name="role"/>, with a new random salt.</summary>
    public static string Line(string name, CallerRole role, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{name} {RoleName(role)} {Scheme}:{Convert.ToHexStringLower(salt)}:{Convert.ToHexStringLower(HashOf(salt, Encoding.UTF8.GetBytes(key)))}";
    }

    /// <summary>A new key: 32 random bytes, base64url, with a prefix that makes a leaked key easy to recognise.</summary>
    public static string NewKey() => "fgk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Why <paramref name="name"/> cannot name a key, or null: 1–64 letters, digits, <c>. _ - @</c>.</summary>
    public static string? NameProblem(string name) =>
        NamePattern().IsMatch(name) ? null : $"the name '{name}' must be 1–64 letters, digits or . _ - @";

    /// <summary>The roles as the file spells them.</summary>
    public static IReadOnlyList<string> RoleNames { get; } = [.. Enum.GetValues<CallerRole>().Select(RoleName)];

    /// <summary>The role's name in the file (<c>clinician</c>, <c>integration</c>, <c>auditor</c>).</summary>
    public static string RoleName(CallerRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The role <paramref name="name"/> spells, or null.</summary>
    public static CallerRole? RoleOf(string name) =>
        Enum.GetValues<CallerRole>().Where(r => RoleName(r) == name).Select(r => (CallerRole?)r).FirstOrDefault();

    private static byte[] HashOf(byte[] salt, byte[] key) => SHA256.HashData([.. salt, .. key]);

    private static bool TryHex(string text, int bytes, out byte[] value)
    {
        value = [];
        if (text.Length != bytes * 2 || !text.All(Uri.IsHexDigit))
        {
            return false;
        }

        value = Convert.FromHexString(text);
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex NamePattern();
}
