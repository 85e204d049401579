using System.Net;
using System.Text;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

/// <summary>Hostile request bodies to /v1/recommend (issue #11; the shared set, <see cref="HostileDocuments"/>): each answers 400 or 413, never a 5xx.</summary>
public sealed class HostileInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly byte[] Valid = Http.ExampleCase;

    public static TheoryData<string> Names => HostileDocuments.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Recommend_answers_a_hostile_body_with_400_or_413(string name)
    {
        using var response = await Http.Post(factory.CreateClient(), "/v1/recommend", Http.Json(HostileDocuments.All[name]));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge,
            $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    [Theory]
    [InlineData("/v1/recommend", "id", "\\u0000")]
    [InlineData("/v1/recommend", "id", "\\n")]
    [InlineData("/v1/recommend", "id", "\\u202e")]
    [InlineData("/v1/validate", "id", "\\u0000")]
    public async Task A_control_character_in_a_string_is_a_400_naming_its_path(string route, string field, string escape)
    {
        var text = Encoding.UTF8.GetString(Valid);
        var start = text.IndexOf($"\"{field}\": \"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the example case has no \"{field}\"");
        var valueStart = start + field.Length + 5;
        var body = Encoding.UTF8.GetBytes(text[..valueStart] + escape + text[valueStart..]);

        using var response = await Http.Post(factory.CreateClient(), route, Http.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await Http.Body(response)).GetProperty("problems");
        var problem = Assert.Single(problems.EnumerateArray());
        Assert.Equal($"$.{field}", problem.GetProperty("path").GetString());
        Assert.StartsWith("holds the character U+", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
