using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol.Auth;
using Xunit;

namespace Sunderfall.IntegrationTests.Operations;

/// <summary>
/// The operator console's API on the shared cluster (two silos, one frontend): the live overview, the system-message
/// broadcast, and the Prometheus alerts proxy when no Prometheus is configured.
/// </summary>
[Collection(SharedClusterDefinition.Name)]
public sealed class OperatorConsoleApiTests(SharedClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly string[] PlayerAndModerator = ["player", "moderator"];

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Overview_WithAPlayerInTheWorld_CountsThemInTheirChannel_AndListsSilosAndFrontendsWithTheirProcesses()
    {
        var moderator = await ModeratorAsync();
        await using var player = await Cluster.ConnectAsync();
        var (_, zone) = await player.CreateAndEnterAsync("Seen");
        var template = zone.ZoneId[..zone.ZoneId.IndexOf('/', StringComparison.Ordinal)];

        JsonElement overview = default;
        var counted = false;
        for (var deadline = DateTime.UtcNow + Wait; !counted && DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            overview = await GetJsonAsync(moderator.AccessToken, "/api/moderation/overview");
            counted = ChannelPlayers(overview, template, zone.ZoneId) >= 1
                && overview.GetProperty("frontends").EnumerateArray().Any(f => f.GetProperty("players").GetInt32() >= 1)
                && overview.GetProperty("silos").EnumerateArray().Count(s => s.GetProperty("process").ValueKind == JsonValueKind.Object) == 2;
        }

        Assert.True(counted, $"the overview never showed the player, the frontend's players and both silos' processes: {overview}");
        Assert.True(overview.GetProperty("players").GetInt32() >= 1);
        var silos = overview.GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(2, silos.Count);
        Assert.All(silos, s =>
        {
            Assert.Equal("Active", s.GetProperty("status").GetString());
            Assert.True(s.GetProperty("activations").GetInt32() > 0);
            Assert.True(s.GetProperty("process").GetProperty("workingSetBytes").GetInt64() > 10_000_000);
        });
        // Other tests may start frontends of their own in this cluster: the one serving the player is the one with players.
        var frontend = overview.GetProperty("frontends").EnumerateArray().First(f => f.GetProperty("players").GetInt32() >= 1);
        Assert.True(frontend.GetProperty("process").GetProperty("workingSetBytes").GetInt64() > 10_000_000);
    }

    [Fact]
    public async Task Broadcast_ToEveryoneAndToOneZone_ReachesAPlayerInTheWorldOnTheSystemChannel_AndIsAudited()
    {
        var moderator = await ModeratorAsync();
        await using var player = await Cluster.ConnectAsync("json");
        var (_, zone) = await player.CreateAndEnterAsync("Hear");
        var template = zone.ZoneId[..zone.ZoneId.IndexOf('/', StringComparison.Ordinal)];
        var (everyone, zoneOnly) = ("servers restart at noon " + Guid.NewGuid().ToString("N")[..6], "zone event " + Guid.NewGuid().ToString("N")[..6]);

        using var http = Authorized(moderator.AccessToken);
        using var toAll = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/moderation/broadcast", new { text = $"  {everyone} " });
        using var toZone = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/moderation/broadcast", new { text = zoneOnly, zone = template });

        Assert.Equal(HttpStatusCode.OK, toAll.StatusCode);
        Assert.True((await toAll.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instances").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.OK, toZone.StatusCode);
        Assert.True(await GameClient.EventuallyAsync(() => player.Chats.Any(c => c.Text == everyone) && player.Chats.Any(c => c.Text == zoneOnly), Wait),
            "the broadcasts never reached the player");
        var line = player.Chats.First(c => c.Text == everyone);
        Assert.Equal(("system", "System", ""), (line.Channel, line.From, line.FromId));
        var actions = await GameCluster.AuditActionsAsync(moderator.AccountId);
        Assert.Equal(2, actions.Count(a => a == "admin.broadcast_sent"));
    }

    [Theory]
    [InlineData("""{"text": ""}""", "1-256")]
    [InlineData("""{"text": "   "}""", "1-256")]
    [InlineData("""{"text": "ring\u0007"}""", "U+0007")]
    [InlineData("""{"text": "hello", "zone": "no-such-zone"}""", "zone template id")]
    public async Task Broadcast_WithBadInput_IsRefusedSayingWhatIsAllowed(string body, string expected)
    {
        var moderator = await ModeratorAsync();
        using var http = Authorized(moderator.AccessToken);

        using var response = await http.PostAsync(Cluster.Frontend.HttpUrl + "/api/moderation/broadcast", new StringContent(body, MediaTypeHeaderValue.Parse("application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<ApiError>(GameCluster.Json);
        Assert.Equal("InvalidArgument", error!.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_OfTooLongAText_IsRefusedWithTheLimit()
    {
        var moderator = await ModeratorAsync();
        using var http = Authorized(moderator.AccessToken);

        using var response = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/moderation/broadcast", new { text = new string('a', 257) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1-256", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleEndpoints_ForAPlayerAccount_AreForbidden()
    {
        var player = await Cluster.RegisterAsync();
        using var http = Authorized(player.AccessToken);

        using var overview = await http.GetAsync(Cluster.Frontend.HttpUrl + "/api/moderation/overview");
        using var alerts = await http.GetAsync(Cluster.Frontend.HttpUrl + "/api/moderation/alerts");
        using var broadcast = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/moderation/broadcast", new { text = "free gold for all" });

        Assert.Equal(HttpStatusCode.Forbidden, overview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, alerts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, broadcast.StatusCode);
    }

    [Fact]
    public async Task Characters_OfAnAccount_AreListedWithTheirZone_AndAnUnknownAccountIsNotFound()
    {
        var moderator = await ModeratorAsync();
        var account = await Cluster.RegisterAsync();
        await using var player = await Cluster.ConnectAsync(account: account);
        var (character, zone) = await player.CreateAndEnterAsync("Listed");

        var characters = await GetJsonAsync(moderator.AccessToken, $"/api/moderation/accounts/{account.Username}/characters");
        using var http = Authorized(moderator.AccessToken);
        using var missing = await http.GetAsync(Cluster.Frontend.HttpUrl + "/api/moderation/accounts/nobody-here-1/characters");

        var listed = Assert.Single(characters.EnumerateArray());
        Assert.Equal((character.Id, character.Name, zone.ZoneId, true),
            (listed.GetProperty("id").GetString(), listed.GetProperty("name").GetString(), listed.GetProperty("zoneId").GetString(), listed.GetProperty("inWorld").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Mute_RefusesThePlayersChatWithForbiddenUntilItsTime_AndMinutesZeroLiftsIt()
    {
        var moderator = await ModeratorAsync();
        var account = await Cluster.RegisterAsync();
        await using var player = await Cluster.ConnectAsync(account: account);
        await player.CreateAndEnterAsync("Loud");
        using var http = Authorized(moderator.AccessToken);

        using var muted = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{account.Username}/mute", new { minutes = 30, reason = "spamming trade offers" });
        var refused = await player.SendChatAsync("zone", "buy gold now");
        using var lifted = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{account.Username}/mute", new { minutes = 0, reason = "served" });
        var allowed = await player.SendChatAsync("zone", "sorry about that");

        Assert.Equal(HttpStatusCode.OK, muted.StatusCode);
        Assert.Equal(1, (await muted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("characters").GetInt32());
        Assert.False(refused.Ok);
        Assert.Equal(Sunderfall.Protocol.Errors.ErrorCode.Forbidden, refused.Error!.Code);
        Assert.Contains("muted until", refused.Error.Message, StringComparison.Ordinal);
        Assert.Contains("spamming trade offers", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        Assert.True(allowed.Ok, allowed.Error?.Message);
        Assert.Equal(2, (await GameCluster.AuditActionsAsync(moderator.AccountId)).Count(a => a == "admin.account_muted"));
    }

    [Theory]
    [InlineData(-1, "spam")]
    [InlineData(43_201, "spam")]
    [InlineData(10, "")]
    public async Task Mute_WithBadInput_IsRefusedSayingWhatIsAllowed(int minutes, string reason)
    {
        var moderator = await ModeratorAsync();
        var account = await Cluster.RegisterAsync();
        using var http = Authorized(moderator.AccessToken);
        var player = await Cluster.RegisterAsync();
        using var asPlayer = Authorized(player.AccessToken);

        using var response = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{account.Username}/mute", new { minutes, reason });
        using var forbidden = await asPlayer.PostAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{account.Username}/mute", new { minutes = 5, reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("0..43200", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Alerts_WithNoPrometheusConfigured_SaySo()
    {
        var moderator = await ModeratorAsync();

        var alerts = await GetJsonAsync(moderator.AccessToken, "/api/moderation/alerts");

        Assert.False(alerts.GetProperty("configured").GetBoolean());
    }

    private static int ChannelPlayers(JsonElement overview, string template, string instance)
    {
        var zone = overview.GetProperty("zones").EnumerateArray().FirstOrDefault(z => z.GetProperty("template").GetString() == template);
        return zone.ValueKind == JsonValueKind.Object && zone.GetProperty("channels").TryGetProperty(instance, out var players) ? players.GetInt32() : 0;
    }

    private async Task<AuthResponse> ModeratorAsync()
    {
        var admin = await Cluster.AdminAsync();
        var account = await Cluster.RegisterAsync();
        using var http = Authorized(admin.AccessToken);
        using var promoted = await http.PutAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/admin/accounts/{account.Username}/roles", new { roles = PlayerAndModerator });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        return await Cluster.LoginAsync(account.Username);
    }

    private async Task<JsonElement> GetJsonAsync(string accessToken, string path)
    {
        using var http = Authorized(accessToken);
        using var response = await http.GetAsync(Cluster.Frontend.HttpUrl + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpClient Authorized(string accessToken)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }
}
