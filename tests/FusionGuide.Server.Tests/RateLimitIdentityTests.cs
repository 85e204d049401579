using System.Net;
using FusionGuide.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FusionGuide.Server.Tests;

/// <summary>Rate limiting counts an authenticated caller by who it is, not by the address it calls from (review item, session 3).</summary>
public sealed class RateLimitIdentityTests
{
    private static readonly string AliceKey = NamedApiKeys.NewKey();
    private static readonly string BobKey = NamedApiKeys.NewKey();

    private static DefaultHttpContext From(IPAddress address, string? key)
    {
        var (keys, problems) = NamedApiKeys.Parse($"{NamedApiKeys.Line("alice", CallerRole.Clinician, AliceKey)}\n{NamedApiKeys.Line("bob", CallerRole.Integration, BobKey)}\n");
        Assert.Empty(problems);
        var services = new ServiceCollection().AddSingleton(new ServerSettings { ApiKeys = keys }).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Connection.RemoteIpAddress = address;
        if (key is not null)
        {
            http.Request.Headers[ApiKeyFilter.Header] = key;
        }

        return http;
    }

    [Fact]
    public void Two_named_keys_from_one_address_get_separate_buckets()
    {
        var alice = ClientRateLimit.ClientOf(From(IPAddress.Loopback, AliceKey));
        var bob = ClientRateLimit.ClientOf(From(IPAddress.Loopback, BobKey));

        Assert.Equal("key:alice", alice);
        Assert.Equal("key:bob", bob);
        // The same key from another address is the same client; a made-up key counts against its address.
        Assert.Equal(alice, ClientRateLimit.ClientOf(From(IPAddress.Parse("127.0.0.2"), AliceKey)));
        Assert.Equal("address:127.0.0.1", ClientRateLimit.ClientOf(From(IPAddress.Loopback, "fgk_made-up-key-that-is-long-enough")));
        Assert.Equal("address:127.0.0.1", ClientRateLimit.ClientOf(From(IPAddress.Loopback, null)));
    }
}
