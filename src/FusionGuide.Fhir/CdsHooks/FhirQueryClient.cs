using System.Net.Http.Headers;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>Reads one prefetch query from the caller's FHIR server (tests substitute a fake).</summary>
public interface IFhirQueryClient
{
    /// <summary>GETs <paramref name="relativeQuery"/> against <paramref name="fhirServer"/>; null when it cannot be read.</summary>
    Task<Resource?> GetAsync(Uri fhirServer, string relativeQuery, string? accessToken, CancellationToken cancellationToken);
}

/// <summary>
/// An <see cref="IFhirQueryClient"/> over HttpClient: JSON, bearer token, parsed with the Firely SDK; a response larger
/// than <see cref="MaxResponseBytes"/> is not read (null).
/// </summary>
public sealed class HttpFhirQueryClient(HttpClient http) : IFhirQueryClient
{
    /// <summary>Largest response read, in bytes (a page of a search).</summary>
    public long MaxResponseBytes { get; init; } = 5_000_000;

    /// <inheritdoc />
    public async Task<Resource?> GetAsync(Uri fhirServer, string relativeQuery, string? accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fhirServer);
        var baseUri = fhirServer.AbsoluteUri.EndsWith('/') ? fhirServer : new Uri(fhirServer.AbsoluteUri + "/");
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, relativeQuery));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        if (accessToken is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                return null;
            }

            // Read at most one byte more than the limit: a body without Content-Length is bounded too.
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > MaxResponseBytes)
                {
                    return null;
                }
            }

            return FhirJson.Parse(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).Resource;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return null;
        }
    }
}
