using System.Net;
using System.Net.Http.Json;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol.Auth;
using Xunit;

namespace Sunderfall.IntegrationTests.Security;

[Collection(SharedClusterDefinition.Name)]
public sealed class PasswordHashFloodTests(SharedClusterFixture fixture)
{
    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Login_FromManyAddressesOfOneIPv6Slash64_SharesOneRateLimitBucket()
    {
        // The test talks from 127.0.0.1, which plays the proxy in front of this frontend and names the client.
        var proxied = Cluster.StartFrontend("ipv6-frontend", Cluster.ClusterId, new Dictionary<string, string>
        {
            ["SUNDERFALL_HttpRateLimit__AuthPerMinute"] = "3",
            ["SUNDERFALL_TrustedProxies__Addresses__0"] = "127.0.0.1",
        });
        await proxied.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        var sameNetwork = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            using var response = await PostLoginAsync(http, proxied.HttpUrl, $"2001:db8:7:7::{i:x}");
            sameNetwork.Add(response.StatusCode);
        }

        using var nextNetwork = await PostLoginAsync(http, proxied.HttpUrl, "2001:db8:7:8::1");

        proxied.Kill();
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], sameNetwork);
        Assert.Equal(HttpStatusCode.Unauthorized, nextNetwork.StatusCode);
    }

    [Fact]
    public async Task Register_BeyondTheHashingQueue_Answers503WithRetryAfterAndATypedBody()
    {
        var bounded = Cluster.StartFrontend("hash-bound-frontend", Cluster.ClusterId, new Dictionary<string, string>
        {
            ["SUNDERFALL_Auth__MaxConcurrentPasswordHashes"] = "1",
            ["SUNDERFALL_Auth__MaxQueuedPasswordHashes"] = "0",
        });
        await bounded.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient();

        // Forty sign-ups at once against one hashing slot and no queue: those that find it taken are turned away.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
        {
            var name = GameClient.UniqueName("flood");
            return http.PostAsJsonAsync(bounded.HttpUrl + "/api/auth/register",
                new RegisterRequest { Username = name, Email = $"{name}@example.test", Password = GameCluster.TestPassword });
        }));

        bounded.Kill();
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        var busy = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        foreach (var response in busy)
        {
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
            var error = await response.Content.ReadFromJsonAsync<ApiError>(GameCluster.Json);
            Assert.Equal("Busy", error!.Code);
            Assert.Contains("1 at once, 0 waiting", error.Message, StringComparison.Ordinal);
        }

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient http, string baseUrl, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/api/auth/login")
        {
            Content = JsonContent.Create(new LoginRequest { Username = "nobody", Password = "whatever-123" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }
}
