using FusionGuide.Domain.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace FusionGuide.Server.Api;

/// <summary>Reads a case from a request body: JSON only, at most <see cref="CaseReader.MaxDocumentBytes"/> bytes.</summary>
/// <remarks>The bytes are read whole before validation so that the audit hash is of exactly what was sent.</remarks>
internal static class CaseBody
{
    /// <summary>The body's bytes, or the problem to answer (415 wrong type, 413 too large).</summary>
    public static Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, CaseReader.MaxDocumentBytes, cancellationToken);

    /// <summary>The body's bytes up to <paramref name="maxBytes"/>, or the problem to answer (415 wrong type, 413 too large).</summary>
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, ApiProblems.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, ApiProblems.TooLarge(maxBytes));
        }

        // Chunked bodies have no length: read one byte past the limit to know it was exceeded.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
            {
                return (null, ApiProblems.TooLarge(maxBytes));
            }
        }

        return (buffer.ToArray(), null);
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        // A charset other than UTF-8 would be read wrongly: the contract's JSON is UTF-8.
        var charset = media.Charset.Value;
        var utf8 = charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
        return utf8 && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.SubTypeWithoutSuffix.HasValue && media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase) && media.Type.Equals("application", StringComparison.OrdinalIgnoreCase));
    }
}
