using FusionGuide.Domain.Validation;
using FusionGuide.Server.Hosting;
using FusionGuide.Server.Operations;

namespace FusionGuide.Server.Commands;

/// <summary>The options that say how callers are authenticated: named API keys, the OIDC provider, a trusted proxy's user header.</summary>
internal sealed partial class CommandLine
{
    /// <summary>The named keys of <c>--api-keys FILE</c> (a relative name is looked up among systemd's credentials first).</summary>
    public NamedApiKeys? ApiKeys()
    {
        if (Option("--api-keys") is not { } file)
        {
            return null;
        }

        var path = ServerConfiguration.ResolveCredential(file, Environment());
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Problems.Add(new Problem("--api-keys", $"cannot read '{path}': {ex.Message}"));
            return null;
        }

        var (keys, problems) = NamedApiKeys.Parse(text);
        Problems.AddRange(problems.Select(p => new Problem("--api-keys", $"{path}: {p}")));
        return problems.Count == 0 ? keys : null;
    }

    /// <summary>The OIDC provider of <c>--oidc-authority</c>, <c>--oidc-audience</c>, <c>--oidc-jwt-key</c> and <c>--oidc-auditor-role</c>.</summary>
    public OidcSettings? Oidc()
    {
        var (authority, audience, keyFile, role) = (Option("--oidc-authority"), Option("--oidc-audience"), Option("--oidc-jwt-key"), Option("--oidc-auditor-role"));
        if (authority is null)
        {
            foreach (var dependent in new[] { ("--oidc-audience", audience), ("--oidc-jwt-key", keyFile), ("--oidc-auditor-role", role) }.Where(d => d.Item2 is not null))
            {
                Problems.Add(new Problem(dependent.Item1, "needs --oidc-authority (the identity provider's issuer URL)"));
            }

            return null;
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || (uri.Scheme == "http" && keyFile is null))
        {
            Problems.Add(new Problem("--oidc-authority", $"'{authority}' is not an https URL (http only with --oidc-jwt-key, when no discovery document is fetched)"));
        }

        if (string.IsNullOrWhiteSpace(audience))
        {
            Problems.Add(new Problem("--oidc-audience", "is needed with --oidc-authority: the aud a token must carry (the id the provider issues tokens for)"));
        }

        IReadOnlyList<Microsoft.IdentityModel.Tokens.SecurityKey>? keys = null;
        if (keyFile is not null)
        {
            try
            {
                keys = CdsSettings.ReadKeys(File.ReadAllText(keyFile));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException
                or System.Text.Json.JsonException or System.Security.Cryptography.CryptographicException)
            {
                Problems.Add(new Problem("--oidc-jwt-key", $"cannot use '{keyFile}': {ex.Message}"));
            }
        }

        var (claim, value) = ("roles", "auditor");
        if (role is not null)
        {
            var parts = role.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts is [{ Length: > 0 } c, { Length: > 0 } v])
            {
                (claim, value) = (c, v);
            }
            else
            {
                Problems.Add(new Problem("--oidc-auditor-role", $"must be CLAIM=VALUE (roles=auditor, groups=fg-auditors), not '{role}'"));
            }
        }

        return new OidcSettings(authority, audience ?? "", keys, claim, value);
    }

    /// <summary>The header of <c>--proxy-user-header</c>, believed only from <c>--trust-proxy</c> addresses.</summary>
    public string? ProxyUserHeader()
    {
        if (Option("--proxy-user-header") is not { } header)
        {
            return null;
        }

        if (header.Length == 0 || !header.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
        {
            Problems.Add(new Problem("--proxy-user-header", $"'{header}' is not a header name"));
        }

        if (Option("--trust-proxy") is null)
        {
            Problems.Add(new Problem("--proxy-user-header", "needs --trust-proxy: the header is believed only from the proxy that sets it"));
        }

        if (header.Equals(ApiKeyFilter.Header, StringComparison.OrdinalIgnoreCase) || header.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            Problems.Add(new Problem("--proxy-user-header", $"{header} carries credentials, not a user name"));
        }

        return header;
    }

    private static Dictionary<string, string?> Environment()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = e.Value as string;
        }

        return env;
    }
}
