using System.Net;
using System.Net.Sockets;
using FusionGuide.Server.Tests.Support;

namespace FusionGuide.Server.Tests;

/// <summary>Issue #22 item 4: one client over its rate limit is refused (429) while the others are still served.</summary>
public sealed class RateLimitTests
{
    // A small bucket refilled slowly, so that the test's requests exhaust it and nothing refills it meanwhile.
    private static readonly string[] Tight = ["--FusionGuide:RateLimit:Burst=5", "--FusionGuide:RateLimit:PermitsPerSecond=1"];

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_while_another_address_and_the_API_key_holder_are_served()
    {
        await using var server = await RunningServer.StartAsync(s => s with { ApiKey = Support.ApiFactory.Key }, Tight);
        using var greedy = ClientFrom(IPAddress.Loopback, server.BaseAddress);
        using var other = ClientFrom(IPAddress.Parse("127.0.0.2"), server.BaseAddress);

        // The burst (5) is served (a request or two more may be, as the bucket refills at 1 a second); then 429.
        var served = 0;
        HttpResponseMessage refused;
        while (true)
        {
            var r = await Http.Post(greedy, "/v1/recommend", Http.Json(Http.ExampleCase));
            if (r.StatusCode != HttpStatusCode.OK)
            {
                refused = r;
                break;
            }

            r.Dispose();
            served++;
            Assert.True(served < 20, "the client was never limited");
        }

        using (refused)
        {
            Assert.InRange(served, 5, 8);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await Http.Body(refused);
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Contains("bursts of 5", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.False(refused.Headers.Contains("X-Audit-Record"));
        }

        // Nothing refused was evaluated or audited.
        Assert.Equal((long)served, (await server.Audit.ListAsync(0, 50, TestContext.Current.CancellationToken)).Total);

        // Another address is a client of its own; so is the API key holder, even from the greedy address.
        using var fromOther = await Http.Post(other, "/v1/recommend", Http.Json(Http.ExampleCase));
        Assert.Equal(HttpStatusCode.OK, fromOther.StatusCode);
        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/v1/audit?limit=1");
        withKey.Headers.Add("X-Api-Key", Support.ApiFactory.Key);
        using var audit = await greedy.SendAsync(withKey, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);

        // A made-up key is no client of its own (each would get a fresh bucket): it counts against its address, which
        // is refused again within a request or two (its bucket gains one request a second).
        var madeUpRefused = false;
        for (var i = 0; i < 5 && !madeUpRefused; i++)
        {
            using var madeUp = new HttpRequestMessage(HttpMethod.Get, "/v1/audit?limit=1");
            madeUp.Headers.Add("X-Api-Key", $"made-up-key-number-{i}-long-enough");
            using var wrongKey = await greedy.SendAsync(madeUp, TestContext.Current.CancellationToken);
            madeUpRefused = wrongKey.StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(madeUpRefused, "requests with made-up API keys were not counted against their address");

        // The health route is never limited.
        using var health = await greedy.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_subject_of_a_valid_CDS_Hooks_JWT_is_a_client_of_its_own_apart_from_its_address()
    {
        var secret = System.Text.Encoding.UTF8.GetBytes("a-shared-secret-for-rate-limit-tests-0123456789");
        await using var server = await RunningServer.StartAsync(
            s => s with { Cds = new Hosting.CdsSettings { JwtKeys = [new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(secret)] } }, Tight);
        using var client = ClientFrom(IPAddress.Loopback, server.BaseAddress);
        var ct = TestContext.Current.CancellationToken;
        var audience = new Uri(server.BaseAddress, "/cds-services").ToString();

        // The address's bucket is emptied by anonymous requests.
        var refused = false;
        for (var i = 0; i < 20 && !refused; i++)
        {
            using var r = await client.GetAsync("/v1/knowledge", ct);
            refused = r.StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(refused);
        // From the same address, an EHR presenting a valid token (its own sub) is still served, until its own bucket empties.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(secret, audience, "ehr-1"));
            using var r = await client.SendAsync(request, ct);
            statuses.Add(r.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 5, 8);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // Another subject of the same issuer is another client.
        using var other = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        other.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(secret, audience, "ehr-2"));
        using var otherResponse = await client.SendAsync(other, ct);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }

    private static string Token(byte[] secret, string audience, string subject) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "https://ehr.example", Audience = audience, Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString(), ["sub"] = subject },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(secret), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });

    [Fact]
    public async Task Rate_limiting_can_be_turned_off_in_configuration()
    {
        await using var server = await RunningServer.StartAsync(null, "--FusionGuide:RateLimit:Enabled=false", "--FusionGuide:RateLimit:Burst=1");
        using var client = ClientFrom(IPAddress.Loopback, server.BaseAddress);
        for (var i = 0; i < 4; i++)
        {
            using var r = await client.GetAsync("/v1/knowledge", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
    }

    [Fact]
    public void A_rate_limit_setting_that_does_not_parse_stops_the_server_at_start()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Hosting.ServerApp.Create(
            ["--urls=http://127.0.0.1:0", "--FusionGuide:RateLimit:Burst=lots"], new Hosting.ServerSettings()));
        Assert.Contains("FusionGuide:RateLimit:Burst", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.x address is the loopback interface).</summary>
    internal static HttpClient ClientFrom(IPAddress source, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };
}
