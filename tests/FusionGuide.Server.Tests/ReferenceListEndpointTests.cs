using System.Net;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

/// <summary>
/// <c>GET /v1/knowledge</c> sends each reference as a reader sees it, cleaned by the reports' own rules (Rendering's
/// ReadableReferences), so the web page keeps no copy of them: the closing note of session 2 found the page's
/// JavaScript repeating those rules.
/// </summary>
public sealed class ReferenceListEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Each_reference_comes_with_its_readable_label_and_citation_and_the_id_it_is_listed_under()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/v1/knowledge", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refs = (await Http.Body(response)).GetProperty("references").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r);

        // As the knowledge base holds them, curation notes included, and as a reader is shown them.
        var dup = refs["seed-35"];
        Assert.Equal("TRIDENT-1 (dup)", dup.GetProperty("shortName").GetString());
        Assert.Equal("TRIDENT-1", dup.GetProperty("label").GetString());
        Assert.NotEqual("seed-35", dup.GetProperty("listedAs").GetString());
        Assert.Equal("TRIDENT-1", refs[dup.GetProperty("listedAs").GetString()!].GetProperty("label").GetString());
        var asPrinted = refs["seed-34"];
        Assert.Equal("Passiglia-2023-ESMO", asPrinted.GetProperty("label").GetString());
        Assert.StartsWith("As printed in the review:", asPrinted.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Passiglia F, et al.", asPrinted.GetProperty("readableCitation").GetString(), StringComparison.Ordinal);
        Assert.All(refs.Values, r =>
        {
            Assert.DoesNotContain("(dup)", r.GetProperty("label").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.False(r.GetProperty("label").GetString()!.EndsWith('?'));
            Assert.DoesNotContain("As printed in the review", r.GetProperty("readableCitation").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.True(refs.ContainsKey(r.GetProperty("listedAs").GetString()!));
        });
    }
}
