using System.Net.Http.Headers;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.CdsHooks;

/// <summary>Reads one prefetch query from the caller's FHIR server (tests substitute a fake).</summary>
public interface IFhirQueryClient
{
    /// <summary>GETs <paramref name="relativeQuery"/> against <paramref name="fhirServer"/>; null when it cannot be read.</summary>
    Task<Resource?> GetAsync(Uri fhirServer, string relativeQuery, string? accessToken, CancellationToken cancellationToken);
}

/// <summary>An <see cref="IFhirQueryClient"/> over HttpClient: JSON, bearer token, parsed with the Firely SDK.</summary>
public sealed class HttpFhirQueryClient(HttpClient http) : IFhirQueryClient
{
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
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return FhirJson.Parse(body).Resource;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
