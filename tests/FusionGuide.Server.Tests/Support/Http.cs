using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FusionGuide.Server.Tests.Support;

/// <summary>Request helpers.</summary>
internal static class Http
{
    public static byte[] ExampleCase => File.ReadAllBytes(Paths.Example("alk-g1202r-after-alectinib.json"));

    public static ByteArrayContent Json(byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static ByteArrayContent Json(string body) => Json(Encoding.UTF8.GetBytes(body));

    public static async Task<HttpResponseMessage> Post(HttpClient client, string url, HttpContent content, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
