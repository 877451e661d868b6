using System.Net;
using System.Net.Http.Json;
using Sunderfall.Protocol.Auth;
using Xunit;

namespace Sunderfall.Cluster.Tests;

/// <summary>The per-address sign-in limit (20 a minute by default) holds across frontends: it is counted in Redis.</summary>
[Collection(LocalClusterDefinition.Name)]
public sealed class SignInLimitTests(LocalCluster cluster)
{
    private const int Limit = 20;

    [Fact]
    public async Task SignInCalls_SpreadOverBothFrontends_AreLimitedPerAddressAcrossThem()
    {
        // The count is per minute (a fixed window): start early in one, so all the calls below share it.
        var intoMinute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 60_000;
        if (intoMinute > 30_000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(60_000 - intoMinute + 200));
        }

        // No cookie container: each call names its frontend with HAProxy's sticky cookie, alternating. One frontend
        // alone sees at most Limit/2 + 1 of them, below what its own in-process limiter would refuse.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = cluster.Url };
        var answers = new List<(string Frontend, HttpStatusCode Status, ApiError? Error)>();
        for (var i = 0; i < Limit + 2; i++)
        {
            var frontend = cluster.Frontends[i % 2];
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/login")
            {
                Content = JsonContent.Create(new LoginRequest { Username = "nobody-here", Password = "not-the-password-1" }),
            };
            request.Headers.Add("Cookie", "SF_FRONTEND=" + LocalCluster.ServerName(frontend));
            using var response = await http.SendAsync(request);
            var error = await response.Content.ReadFromJsonAsync<ApiError>();
            answers.Add((frontend, response.StatusCode, error));
        }

        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        var summary = string.Join(", ", answers.Select(a => $"{a.Frontend}:{(int)a.Status}"));
        Assert.True(refused.Count >= 2, $"the address was not limited across frontends: {summary}");
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.TooManyRequests), a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        // The last two calls went one to each frontend: both refuse, counting what the other let through.
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^2].Status);
        Assert.NotEqual(answers[^1].Frontend, answers[^2].Frontend);
        Assert.All(refused, r => Assert.Equal("RateLimited", r.Error!.Code));
        Assert.Contains(refused, r => r.Error!.Message.Contains("counted across all frontends", StringComparison.Ordinal));
        // A refusal comes after at most Limit calls answered in this minute (earlier sign-ups of other tests count too).
        Assert.True(answers.Count(a => a.Status == HttpStatusCode.Unauthorized) <= Limit, summary);
    }
}
