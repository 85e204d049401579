using System.Security.Cryptography;
using System.Text;
using FusionGuide.Domain;
using Microsoft.IdentityModel.Tokens;

namespace FusionGuide.Server.Hosting;

/// <summary>How the CDS Hooks endpoints run: JWT verification, the site's region and whether missing prefetch is fetched.</summary>
public sealed record CdsSettings
{
    /// <summary>The keys that verify a CDS client's bearer JWT; null: tokens are accepted unverified (or absent).</summary>
    public IReadOnlyList<SecurityKey>? JwtKeys { get; init; }

    /// <summary>The required <c>iss</c>, when configured.</summary>
    public string? JwtIssuer { get; init; }

    /// <summary>The site's region for regional approvals (none: not assessed).</summary>
    public Region? Region { get; init; }

    /// <summary>Read missing prefetch from the request's <c>fhirServer</c> (off by default: the server would GET URLs a caller names).</summary>
    public bool FetchFromFhirServer { get; init; }

    /// <summary>
    /// For a patient without non-small cell lung cancer, patient-view answers one <c>info</c> card saying why
    /// (<c>--cds-out-of-scope explain</c>) instead of no card (<c>silent</c>, the default).
    /// </summary>
    public bool ExplainOutOfScope { get; init; }

    /// <summary>Most informational patient-view cards per answer (<c>--cds-info-cards</c>, default 1); the rest are merged into one.</summary>
    public int MaxInformationCards { get; init; } = 1;

    /// <summary>
    /// How many days a card's report link (<c>/v1/reports/{token}</c>) opens the report (<c>--cds-report-days</c>,
    /// default 30): the token is the report's only credential, and a link copied out of the EHR must not open a
    /// patient's record for ever. The audit record itself is kept; only the link stops working.
    /// </summary>
    public int ReportLinkDays { get; init; } = DefaultReportLinkDays;

    /// <summary>The report links' lifetime when <c>--cds-report-days</c> is not given.</summary>
    public const int DefaultReportLinkDays = 30;

    /// <summary>With fetching on, send the client's bearer token to an <c>http://</c> fhirServer too (local testing only).</summary>
    public bool AllowHttpFhirServer { get; init; }

    /// <summary>Shortest HS256 secret accepted, in bytes (RFC 7518 §3.2: at least the hash size).</summary>
    public const int MinSecretBytes = 32;

    /// <summary>
    /// Reads the verification keys from a file: a JWKS (<c>{"keys":[…]}</c>), a PEM public key (RSA or EC), or else
    /// an HS256 shared secret (the file's content, trimmed, at least 32 bytes). Throws <see cref="FormatException"/>
    /// with the reason when the file cannot be used.
    /// </summary>
    public static IReadOnlyList<SecurityKey> ReadKeys(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith('{'))
        {
            var keys = new JsonWebKeySet(t).GetSigningKeys();
            return keys.Count > 0 ? [.. keys] : throw new FormatException("the JWKS holds no usable signing key");
        }

        if (t.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            if (t.Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                throw new FormatException("give the public key, not a private key");
            }

            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(t);
                return [new RsaSecurityKey(rsa)];
            }
            catch (ArgumentException)
            {
                var ec = ECDsa.Create();
                try
                {
                    ec.ImportFromPem(t);
                }
                catch (ArgumentException ex)
                {
                    ec.Dispose();
                    throw new FormatException($"not an RSA or EC public key: {ex.Message}", ex);
                }

                return [new ECDsaSecurityKey(ec)];
            }
        }

        var secret = Encoding.UTF8.GetBytes(t);
        return secret.Length >= MinSecretBytes
            ? [new SymmetricSecurityKey(secret)]
            : throw new FormatException($"an HS256 shared secret must be at least {MinSecretBytes} bytes");
    }
}
