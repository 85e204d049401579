namespace FusionGuide.Rendering;

/// <summary>Which reference URLs become links.</summary>
internal static class UrlPolicy
{
    // Only absolute web addresses: a javascript: or data: URL in a reference must never become clickable.
    public static bool IsLinkable(string? url) =>
        url is not null
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !url.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"');
}
