using Sunderfall.Client;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Client;

/// <summary>
/// The client SDK keeping a session alive: the frontend process is killed under it and a new one started on the same
/// address; the token is refreshed under a live connection.
/// </summary>
public sealed class SdkReconnectTests(SdkClusterFixture fixture) : IClassFixture<SdkClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task FrontendRestart_ReconnectsByItself_AndResumesInTheSameZoneAndPlace_WithoutSigningInAgain()
    {
        await using var player = await SdkPlayer.PlayingAsync(Cluster, "Back");
        await player.Client.MoveAsync(1f, 0f);
        Assert.True(await GameClient.EventuallyAsync(() => player.Client.World.Self is { X: > 520f }, Wait), "the character never walked");
        await player.Client.MoveAsync(0f, 0f);
        var stood = await player.WaitUntilStillAsync(Wait);

        await Cluster.RestartFrontendAsync(SdkClusterFixture.FrontendSettings);

        Assert.True(await GameClient.EventuallyAsync(() => !player.Resumes.IsEmpty, TimeSpan.FromSeconds(60)), $"never resumed; states: {string.Join(", ", player.States)}");
        var resumed = Assert.Single(player.Resumes);
        Assert.Equal(player.Zone.ZoneId, resumed.ZoneId);
        Assert.Equal(player.Zone.ZoneId, player.Client.World.Zone?.ZoneId);
        Assert.Contains(player.States, s => s.Current == ConnectionState.Reconnecting);
        Assert.Equal(ConnectionState.Connected, player.Client.State);
        Assert.True(await GameClient.EventuallyAsync(() => player.Client.World.Self is not null, Wait), "the resumed client never saw itself");
        var self = player.Client.World.Self!.Value;
        Assert.True(Distance(stood, (self.X, self.Y)) <= 2f, $"stood at {stood}, resumed at ({self.X}, {self.Y})");
        Assert.True(player.Client.IsSignedIn);
        Assert.Empty(player.ResumeFailures);

        // Someone entering now sees the resumed character where it stood, and sees it walk on.
        await using var watcher = await SdkPlayer.PlayingAsync(Cluster, "Look");
        Assert.True(
            await GameClient.EventuallyAsync(() => watcher.Client.World.FindByName(player.Character.Name) is not null, Wait),
            "the second player never saw the resumed one");
        var seen = watcher.Client.World.FindByName(player.Character.Name)!.Value;
        Assert.True(Distance(stood, (seen.X, seen.Y)) <= 2f, $"stood at {stood}, seen at ({seen.X}, {seen.Y})");
        await player.Client.MoveAsync(0f, 1f);
        var walkedOn = await GameClient.EventuallyAsync(() => watcher.Client.World.FindByName(player.Character.Name) is { } p && p.Y > seen.Y + 5f, Wait);
        await player.Client.MoveAsync(0f, 0f);
        Assert.True(walkedOn, "the resumed character could not walk on");
    }

    [Fact]
    public async Task FrontendDownLongerThanTheQuickReconnectWindow_IsBridgedByTheClientsOwnRetries()
    {
        var options = new SunderfallClientOptions { QuickReconnectWindow = TimeSpan.FromSeconds(1), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        await using var player = await SdkPlayer.PlayingAsync(Cluster, "Wait", options);
        Assert.True(await GameClient.EventuallyAsync(() => player.Client.World.Self is not null, Wait));
        var stood = await player.WaitUntilStillAsync(Wait);

        await Cluster.RestartFrontendAsync(SdkClusterFixture.FrontendSettings, downtime: TimeSpan.FromSeconds(5));

        Assert.True(await GameClient.EventuallyAsync(() => !player.Resumes.IsEmpty, TimeSpan.FromSeconds(60)), $"never resumed; states: {string.Join(", ", player.States)}");
        Assert.Equal(player.Zone.ZoneId, Assert.Single(player.Resumes).ZoneId);
        Assert.DoesNotContain(player.States, s => s.Current == ConnectionState.Disconnected);
        Assert.True(await GameClient.EventuallyAsync(() => player.Client.World.Self is not null, Wait));
        var self = player.Client.World.Self!.Value;
        Assert.True(Distance(stood, (self.X, self.Y)) <= 2f, $"stood at {stood}, resumed at ({self.X}, {self.Y})");
    }

    [Fact]
    public async Task AccessToken_IsRefreshedBeforeItExpires_WhileTheConnectionStaysUp()
    {
        await using var player = await SdkPlayer.PlayingAsync(Cluster, "Tick");
        var firstExpiry = player.Client.AccessTokenExpiresAt!.Value;
        var firstRefreshToken = player.Client.RefreshToken;
        var firstAccessToken = await player.Client.GetAccessTokenAsync();
        Assert.True(firstExpiry - DateTimeOffset.UtcNow <= TimeSpan.FromMinutes(1), $"the frontend issued a token until {firstExpiry:O} (now {DateTimeOffset.UtcNow:O})");
        var statesBefore = player.States.Count;

        // One-minute tokens are refreshed at half their life.
        Assert.True(await GameClient.EventuallyAsync(() => player.TokenChanges >= 2, TimeSpan.FromSeconds(50)), "the token was never refreshed");

        Assert.True(player.Client.AccessTokenExpiresAt > firstExpiry);
        Assert.NotEqual(firstRefreshToken, player.Client.RefreshToken);
        Assert.NotEqual(firstAccessToken, await player.Client.GetAccessTokenAsync());
        Assert.Equal(statesBefore, player.States.Count);
        Assert.Equal(ConnectionState.Connected, player.Client.State);
        Assert.True((await player.Client.GetCharacterSheetAsync()).Ok);

        // A new connection is opened with the refreshed token, and the character is re-entered on it.
        await Cluster.RestartFrontendAsync(SdkClusterFixture.FrontendSettings);
        Assert.True(await GameClient.EventuallyAsync(() => !player.Resumes.IsEmpty, TimeSpan.FromSeconds(60)), $"never resumed; states: {string.Join(", ", player.States)}");
    }

    private static float Distance((float X, float Y) a, (float X, float Y) b) => MathF.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
