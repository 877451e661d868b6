using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sunderfall.IntegrationTests.Infrastructure;
using Sunderfall.Protocol.Auth;
using Xunit;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.IntegrationTests.Security;

[Collection(SharedClusterDefinition.Name)]
public sealed class SecurityTests(SharedClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string[] PlayerAndModerator = ["player", "moderator"];

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Hub_WithoutAToken_RefusesTheConnection()
    {
        var connection = new HubConnectionBuilder().WithUrl(Cluster.HubUrl).Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Hub_WithAForgedToken_RefusesTheConnection()
    {
        var real = await Cluster.RegisterAsync();
        var parts = real.AccessToken.Split('.');
        // Same header and claims, another signature: as if signed with a key the server does not hold.
        var forged = $"{parts[0]}.{parts[1]}.{Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
        var connection = new HubConnectionBuilder().WithUrl(Cluster.HubUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(forged)).Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Hub_WithAnExpiredToken_RefusesTheConnection()
    {
        var account = await Cluster.RegisterAsync();
        // A genuine token, signed with the cluster's key, issued two hours ago: its 15 minutes are long over.
        var issuedEarlier = new Sunderfall.Accounts.Tokens.TokenService(
            Microsoft.Extensions.Options.Options.Create(new Sunderfall.Accounts.AuthOptions { SigningKey = TestEnvironment.SigningKey }),
            new FixedTime(DateTimeOffset.UtcNow.AddHours(-2)));
        var (expired, expiresAt) = issuedEarlier.IssueAccessToken(
            new Sunderfall.Accounts.Accounts.AccountInfo(Guid.Parse(account.AccountId), account.Username, $"{account.Username}@example.test", ["player"], DateTimeOffset.UtcNow, null),
            Guid.NewGuid());
        var connection = new HubConnectionBuilder().WithUrl(Cluster.HubUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(expired)).Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.True(expiresAt < DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Hub_WithATokenNamingAnotherAccountsSession_RefusesTheConnection()
    {
        var victim = await Cluster.RegisterAsync();
        var attacker = await Cluster.RegisterAsync();
        var victimSession = Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(victim.AccessToken).GetPayloadValue<string>("sid"));
        // Signed with the cluster's key (as a leaked key would allow): the attacker's account, the victim's live session.
        var tokens = new Sunderfall.Accounts.Tokens.TokenService(
            Microsoft.Extensions.Options.Options.Create(new Sunderfall.Accounts.AuthOptions { SigningKey = TestEnvironment.SigningKey }), TimeProvider.System);
        var (mixed, _) = tokens.IssueAccessToken(
            new Sunderfall.Accounts.Accounts.AccountInfo(Guid.Parse(attacker.AccountId), attacker.Username, $"{attacker.Username}@example.test", ["player"], DateTimeOffset.UtcNow, null),
            victimSession);
        await using var client = new GameClient(
            new HubConnectionBuilder().WithUrl(Cluster.HubUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(mixed)).AddMessagePackProtocol(o => o.SerializerOptions = Sunderfall.Client.WireMessagePack.Options).Build());

        await client.StartAsync();

        Assert.True(await GameClient.EventuallyAsync(() => client.Errors.Any(e => e.Code == ErrorCode.SessionEnded), Wait), "no SessionEnded error");
        Assert.True(await GameClient.EventuallyAsync(() => client.Connection.State == HubConnectionState.Disconnected, Wait), "the connection stayed open");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task EnterWorld_WithAnotherAccountsCharacter_IsRefusedAsNotOneOfItsCharacters()
    {
        await using var owner = await Cluster.ConnectAsync();
        await using var thief = await Cluster.ConnectAsync();
        var created = await owner.CreateCharacterAsync(GameClient.UniqueName("Mine"), "mage");

        var stolen = await thief.EnterWorldAsync(created.Value!.Id);

        Assert.False(stolen.Ok);
        Assert.Equal(ErrorCode.CharacterNotFound, stolen.Error!.Code);
        var mine = await owner.Connection.InvokeAsync<Sunderfall.Protocol.Errors.CallResult<Sunderfall.Protocol.Characters.CharacterList>>("ListCharacters");
        var theirs = await thief.Connection.InvokeAsync<Sunderfall.Protocol.Errors.CallResult<Sunderfall.Protocol.Characters.CharacterList>>("ListCharacters");
        Assert.Equal([created.Value.Id], mine.Value!.Characters.Select(c => c.Id));
        Assert.Empty(theirs.Value!.Characters);
    }

    [Fact]
    public async Task ModerationEndpoints_RefuseAPlayerWith403_AndAnonymousWith401()
    {
        var player = await Cluster.RegisterAsync();
        using var http = new HttpClient();

        using var anonymous = await http.GetAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{player.Username}");
        using var request = new HttpRequestMessage(HttpMethod.Get, Cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{player.Username}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", player.AccessToken);
        using var asPlayer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asPlayer.StatusCode);
    }

    [Fact]
    public async Task AdminEndpoints_ServeABootstrapAdmin_AndRoleChangesAreAudited()
    {
        var admin = await Cluster.AdminAsync();
        var player = await Cluster.RegisterAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);

        using var viewed = await http.GetAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{player.Username}");
        using var promoted = await http.PutAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/admin/accounts/{player.Username}/roles", new { roles = PlayerAndModerator });
        var audit = await GameClient.EventuallyAsync(
            () => GameCluster.AuditActionsAsync(admin.AccountId).GetAwaiter().GetResult().Contains("roles.changed"), Wait);

        Assert.Contains("admin", admin.Roles);
        Assert.Equal(HttpStatusCode.OK, viewed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.True(audit, "the role change never reached the audit log");
    }

    [Fact]
    public async Task AModerator_UsesTheModerationTools_ButGets403OnTheAdminEndpointsAndRoleChanges()
    {
        var admin = await Cluster.AdminAsync();
        var staff = await Cluster.RegisterAsync();
        var player = await Cluster.RegisterAsync();
        using (var asAdmin = new HttpClient())
        {
            asAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
            using var promoted = await asAdmin.PutAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/admin/accounts/{staff.Username}/roles", new { roles = PlayerAndModerator });
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        // Signing in again gives a token that carries the new role.
        var moderator = await Cluster.LoginAsync(staff.Username);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", moderator.AccessToken);
        var url = Cluster.Frontend.HttpUrl;

        using var lookup = await http.GetAsync(url + $"/api/moderation/accounts/{player.Username}");
        using var flags = await http.GetAsync(url + "/api/moderation/flags?limit=1");
        using var roles = await http.PutAsJsonAsync(url + $"/api/admin/accounts/{player.Username}/roles", new { roles = PlayerAndModerator });
        using var audit = await http.GetAsync(url + "/api/admin/audit?limit=1");
        using var zone = await http.GetAsync(url + "/api/admin/zones/ashen-vale/1");
        using var reconcile = await http.PostAsync(url + "/api/admin/reconcile", null);

        Assert.Contains("moderator", moderator.Roles);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, flags.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, zone.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconcile.StatusCode);
    }

    [Fact]
    public async Task Login_AfterRepeatedWrongPasswords_IsLockedEvenWithTheRightOne()
    {
        var account = await Cluster.RegisterAsync();
        using var http = new HttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var wrong = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/auth/login", new LoginRequest { Username = account.Username, Password = "not-the-password-1" });
            statuses.Add(wrong.StatusCode);
        }

        using var right = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/auth/login", new LoginRequest { Username = account.Username, Password = GameCluster.TestPassword });
        var error = await right.Content.ReadFromJsonAsync<ApiError>(GameCluster.Json);

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Equal("LockedOut", error!.Code);
    }

    [Fact]
    public async Task Refresh_RotatesTheToken_AndReusingAnOldOneRevokesTheFamily()
    {
        var account = await Cluster.RegisterAsync();
        using var http = new HttpClient();

        using var first = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/auth/refresh", new RefreshRequest { RefreshToken = account.RefreshToken });
        var rotated = await first.Content.ReadFromJsonAsync<AuthResponse>(GameCluster.Json);
        using var replay = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/auth/refresh", new RefreshRequest { RefreshToken = account.RefreshToken });
        var replayError = await replay.Content.ReadFromJsonAsync<ApiError>(GameCluster.Json);
        using var afterReuse = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/auth/refresh", new RefreshRequest { RefreshToken = rotated!.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(account.RefreshToken, rotated.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("TokenReused", replayError!.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, afterReuse.StatusCode);
    }

    [Fact]
    public async Task Hub_AfterLogout_RefusesTheOldAccessToken()
    {
        var account = await Cluster.RegisterAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        using var logout = await http.PostAsync(Cluster.Frontend.HttpUrl + "/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        await using var client = await Cluster.ConnectAsync(account: account);

        Assert.True(await GameClient.EventuallyAsync(() => client.Errors.Any(e => e.Code == ErrorCode.SessionEnded), Wait), "no SessionEnded error");
        Assert.True(await GameClient.EventuallyAsync(() => client.Connection.State == HubConnectionState.Disconnected, Wait), "the connection stayed open");
    }

    [Fact]
    public async Task Logout_ClosesTheLiveGameConnectionOfThatSignIn_ButNotOneOpenedByAnotherSignIn()
    {
        var account = await Cluster.RegisterAsync();
        var elsewhere = await Cluster.LoginAsync(account.Username);
        await using var client = await Cluster.ConnectAsync(account: account);
        await client.CreateAndEnterAsync("Bye");

        using (var otherDevice = new HttpClient())
        {
            otherDevice.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", elsewhere.AccessToken);
            Assert.Equal(HttpStatusCode.NoContent, (await otherDevice.PostAsync(Cluster.Frontend.HttpUrl + "/api/auth/logout", null)).StatusCode);
        }

        await Task.Delay(1000);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        using var logout = await http.PostAsync(Cluster.Frontend.HttpUrl + "/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.True(await GameClient.EventuallyAsync(() => client.Errors.Any(e => e.Code == ErrorCode.SessionEnded), Wait), "no SessionEnded error");
        Assert.True(await GameClient.EventuallyAsync(() => client.Connection.State == HubConnectionState.Disconnected, Wait), "the connection outlived the logout");
    }

    [Fact]
    public async Task AccountRecovery_ClosesTheLiveGameConnectionOfWhoeverIsPlaying()
    {
        var account = await Cluster.RegisterAsync();
        await using var intruder = await Cluster.ConnectAsync(account: account);
        await intruder.CreateAndEnterAsync("Thief");
        using var http = new HttpClient();

        using var requested = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/auth/recovery/request", new RecoveryRequest { UsernameOrEmail = account.Username });
        // The frontend e-mails the code to the account's address through the tests' SMTP server.
        var mail = await (await TestEnvironment.Smtp).WaitForMessageAsync($"<{account.Username}@example.test>", Wait);
        Assert.NotNull(mail);
        var code = System.Text.RegularExpressions.Regex.Match(mail, @"recovery code is (\d{8})").Groups[1].Value;
        Assert.DoesNotContain(code, Cluster.Frontend.Tail(400), StringComparison.Ordinal);
        using var completed = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/auth/recovery/complete",
            new RecoveryCompleteRequest { Username = account.Username, Code = code, NewPassword = "another-horse-43" });

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        Assert.True(await GameClient.EventuallyAsync(() => intruder.Errors.Any(e => e.Code == ErrorCode.SessionEnded), Wait), "no SessionEnded error");
        Assert.True(await GameClient.EventuallyAsync(() => intruder.Connection.State == HubConnectionState.Disconnected, Wait), "the connection outlived the recovery");
    }

    [Fact]
    public async Task ASecondSignIn_DisconnectsTheFirstSessionWithAReason()
    {
        var account = await Cluster.RegisterAsync();
        await using var first = await Cluster.ConnectAsync(account: account);
        var again = await Cluster.LoginAsync(account.Username);

        await using var second = await Cluster.ConnectAsync(account: again);

        Assert.True(await GameClient.EventuallyAsync(() => first.Errors.Any(e => e.Code == ErrorCode.SessionReplaced), Wait), "the first session was not told");
        Assert.True(await GameClient.EventuallyAsync(() => first.Connection.State == HubConnectionState.Disconnected, Wait), "the first session stayed open");
        Assert.Equal(HubConnectionState.Connected, second.Connection.State);
        Assert.True((await second.CreateCharacterAsync(GameClient.UniqueName("Two"), "ranger")).Ok);
    }

    [Fact]
    public async Task Login_FromOneAddressTooOften_IsRateLimitedWith429_WhateverXForwardedForItClaims()
    {
        var limited = Cluster.StartFrontend("limited-frontend", Cluster.ClusterId, new Dictionary<string, string> { ["SUNDERFALL_HttpRateLimit__AuthPerMinute"] = "3" });
        await limited.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            // No proxy is trusted by default: a client cannot dodge the limit by claiming other addresses.
            using var response = await PostLoginAsync(http, limited.HttpUrl, $"198.51.100.{i + 1}");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var error = await response.Content.ReadFromJsonAsync<ApiError>(GameCluster.Json);
                Assert.Equal("RateLimited", error!.Code);
                Assert.Contains("at most 3 sign-in calls a minute", error.Message, StringComparison.Ordinal);
            }
        }

        limited.Kill();
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Login_ThroughATrustedProxy_IsLimitedPerClientAddressFromXForwardedFor()
    {
        // The test talks from 127.0.0.1, which plays the TLS proxy in front of this frontend.
        var proxied = Cluster.StartFrontend("proxied-frontend", Cluster.ClusterId, new Dictionary<string, string>
        {
            ["SUNDERFALL_HttpRateLimit__AuthPerMinute"] = "3",
            ["SUNDERFALL_TrustedProxies__Addresses__0"] = "127.0.0.1",
        });
        await proxied.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PostLoginAsync(http, proxied.HttpUrl, "203.0.113.7");
            first.Add(response.StatusCode);
        }

        using var second = await PostLoginAsync(http, proxied.HttpUrl, "203.0.113.8");
        // A client sending its own X-Forwarded-For through the proxy: the proxy appends the real address, the last entry.
        using var spoofed = await PostLoginAsync(http, proxied.HttpUrl, "203.0.113.8, 203.0.113.7");

        proxied.Kill();
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
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

    [Fact]
    public async Task Hub_FloodedWithCalls_RefusesThePastTheLimitAndThenDisconnects()
    {
        await using var flooder = await Cluster.ConnectAsync();
        await flooder.CreateAndEnterAsync("Flood");

        for (var i = 0; i < 600 && flooder.Connection.State == HubConnectionState.Connected; i++)
        {
            await flooder.MoveAsync(0f, 0f);
        }

        Assert.True(await GameClient.EventuallyAsync(() => flooder.Errors.Any(e => e.Code == ErrorCode.RateLimited), Wait), "no RateLimited error");
        Assert.Contains("per second per connection", flooder.Errors.First(e => e.Code == ErrorCode.RateLimited).Message, StringComparison.Ordinal);
        Assert.True(await GameClient.EventuallyAsync(() => flooder.Connection.State == HubConnectionState.Disconnected, Wait), "the flooder was never disconnected");
        await using var other = await Cluster.ConnectAsync();
        Assert.True((await other.CreateCharacterAsync(GameClient.UniqueName("Calm"), "cleric")).Ok, "the server is not healthy after the flood");
    }

    [Fact]
    public async Task AModeratorsKickAndBan_CloseThePlayersLiveSession_AndAreAudited()
    {
        var admin = await Cluster.AdminAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
        var kickedAccount = await Cluster.RegisterAsync();
        var bannedAccount = await Cluster.RegisterAsync();
        await using var kicked = await Cluster.ConnectAsync(account: kickedAccount);
        await using var banned = await Cluster.ConnectAsync(account: bannedAccount);
        await kicked.CreateAndEnterAsync("Kick");

        using var kick = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{kickedAccount.Username}/kick", new { reason = "spamming chat" });
        using var ban = await http.PostAsJsonAsync(Cluster.Frontend.HttpUrl + $"/api/moderation/accounts/{bannedAccount.Username}/ban", new { minutes = 60, reason = "botting" });
        using var login = await new HttpClient().PostAsJsonAsync(Cluster.Frontend.HttpUrl + "/api/auth/login", new LoginRequest { Username = bannedAccount.Username, Password = GameCluster.TestPassword });

        Assert.Equal(HttpStatusCode.NoContent, kick.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ban.StatusCode);
        Assert.True(await GameClient.EventuallyAsync(() => kicked.Errors.Any(e => e.Code == ErrorCode.Kicked && e.Message.Contains("spamming chat", StringComparison.Ordinal)), Wait), "the kicked player was not told why");
        Assert.True(await GameClient.EventuallyAsync(() => kicked.Connection.State == HubConnectionState.Disconnected, Wait), "the kicked player stayed connected");
        Assert.True(await GameClient.EventuallyAsync(() => banned.Connection.State == HubConnectionState.Disconnected, Wait), "the banned player stayed connected");
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.True(await GameClient.EventuallyAsync(() =>
        {
            var actions = GameCluster.AuditActionsAsync(admin.AccountId).GetAwaiter().GetResult();
            return actions.Contains("account.kicked") && actions.Contains("account.banned");
        }, Wait), "the kick and the ban were not both audited");
    }
}
