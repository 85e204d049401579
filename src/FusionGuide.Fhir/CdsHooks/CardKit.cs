using System.Security.Cryptography;
using System.Text;
using FusionGuide.Domain;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>
/// What every card shares: ids unique to the call, the source, the report link and summaries under 140 characters.
/// <paramref name="reportToken"/> is the call's unguessable token: it names the report in the link (never the client's
/// hook instance, which a client may reuse for another patient) and seeds the card and suggestion ids.
/// </summary>
internal sealed class CardKit(string reportToken, CdsLinks links, string knowledgeVersion)
{
    /// <summary>A topic code system local to FusionGuide.</summary>
    public const string TopicSystem = "urn:fusionguide:cds-topic";

    /// <summary>A name-based UUID (SHA-256 of the call's token and key, version 8 and RFC 4122 variant bits): unique to the call, stable within it.</summary>
    public string Uuid(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{reportToken}|{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    public CdsSource Source(string topic, string display) => new()
    {
        Label = $"FusionGuide (knowledge base {knowledgeVersion})",
        Url = links.AboutUrl?.ToString(),
        Topic = new CdsCoding { System = TopicSystem, Code = topic, Display = display },
    };

    /// <summary>The link to the full report (none when no base URL is configured).</summary>
    public IReadOnlyList<CdsLink>? Links() => links.ReportBaseUrl is { } baseUrl
        ? [new CdsLink { Label = "Full FusionGuide report", Url = new Uri(baseUrl, reportToken).ToString(), Type = "absolute" }]
        : null;

    /// <summary>A new report token: 256 random bits, base64url (43 characters, safe in a URL path).</summary>
    public static string NewToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public CdsCard Card(string key, string topic, string display, string indicator, string summary, string detail, IReadOnlyList<CdsSuggestion>? suggestions = null) => new()
    {
        Uuid = Uuid(key), Summary = Clip(summary), Detail = detail, Indicator = indicator, Source = Source(topic, display),
        Suggestions = suggestions is { Count: > 0 } ? suggestions : null,
        SelectionBehavior = suggestions is { Count: > 0 } ? "at-most-one" : null, Links = Links(),
    };

    /// <summary>
    /// A summary of at most 139 characters (the specification asks for fewer than 140), shortened at the last whole word
    /// that fits (and its trailing punctuation dropped), never in the middle of a word.
    /// </summary>
    public static string Clip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 140)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', 138);
        var head = (cut > 0 ? text[..cut] : text[..138]).TrimEnd(' ', ',', ';', ':', '(', '-', '—');
        return $"{head}…";
    }

    public static string Name(Therapy t) => Codes.Therapy.Code(t);
}
