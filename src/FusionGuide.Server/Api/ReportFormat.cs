namespace FusionGuide.Server.Api;

/// <summary>The forms a result can be returned in, chosen by the request's Accept header.</summary>
internal enum ReportFormat
{
    Json,
    Markdown,
    Html,
}

/// <summary>Content negotiation for results: JSON unless the client prefers Markdown or HTML.</summary>
internal static class Negotiation
{
    public const string Json = "application/json";
    public const string Markdown = "text/markdown";
    public const string Html = "text/html";

    /// <summary>The format to answer in, or null when the client accepts none of them (406).</summary>
    public static ReportFormat? Choose(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return ReportFormat.Json;
        }

        // A stable sort keeps the client's order among equal qualities.
        foreach (var media in accept.Where(a => a.Quality is null or > 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var type = media.MediaType.Value?.ToLowerInvariant();
            switch (type)
            {
                case Json or "application/*" or "*/*":
                    return ReportFormat.Json;
                case Markdown:
                    return ReportFormat.Markdown;
                case Html:
                    return ReportFormat.Html;
            }
        }

        return null;
    }

    /// <summary>The Content-Type header value for a format.</summary>
    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Markdown => "text/markdown; charset=utf-8",
        ReportFormat.Html => "text/html; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };
}
