using Sunderfall.Client;
using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Client;

/// <summary>
/// The client SDK keeping a session alive: the frontend process is killed under it and a new one started on the same
/// address, or the client's network drops for 27 s; the token is refreshed under a live connection. Each resume test
/// walks away from the spawn first and checks the character comes back where it stood.
/// </summary>
public sealed class SdkReconnectTests(SdkClusterFixture fixture) : IClassFixture<SdkClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private GameCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task FrontendRestart_ReconnectsByItself_AndResumesInTheSameZoneAndPlace_WithoutSigningInAgain()
    {
        await using var player = await SdkPlayer.PlayingAsync(Cluster, "Back");
        var stood = await WalkAwayFromSpawnAsync(player);

        await Cluster.RestartFrontendAsync(SdkClusterFixture.FrontendSettings);

        await AssertResumedWhereItStoodAsync(player, stood);
        Assert.Contains(player.States, s => s.Current == ConnectionState.Reconnecting);

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
        var stood = await WalkAwayFromSpawnAsync(player);

        await Cluster.RestartFrontendAsync(SdkClusterFixture.FrontendSettings, downtime: TimeSpan.FromSeconds(5));

        await AssertResumedWhereItStoodAsync(player, stood);
        Assert.DoesNotContain(player.States, s => s.Current == ConnectionState.Disconnected);
    }

    [Fact]
    public async Task NetworkDropOf27Seconds_ResumesInTheSameZoneAndPlace_WithoutSigningInAgain()
    {
        // The client's network goes away while the frontend stays up: the frontend sees the connection fail and takes
        // the character out of the world, saving where it stood; the client, with its default options, keeps trying.
        using var link = DroppableLink.To(Cluster.Frontend.HttpUrl);
        await using var player = await SdkPlayer.PlayingAsync(Cluster, "Drop", url: link.HttpUrl);
        var stood = await WalkAwayFromSpawnAsync(player);

        link.Cut();
        await Task.Delay(NetworkDrop);
        var stateAtTheEndOfTheDrop = player.Client.State;
        link.Restore();

        Assert.Equal(ConnectionState.Reconnecting, stateAtTheEndOfTheDrop);
        await AssertResumedWhereItStoodAsync(player, stood);
        Assert.DoesNotContain(player.States, s => s.Current == ConnectionState.Disconnected);
        Assert.True((await player.Client.GetCharacterSheetAsync()).Ok);
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

    // The issue asks for a resume after a drop of up to 30 s; 27 s leaves room for the reconnection attempt that
    // notices the network is back (SignalR tries every 5 s by then).
    private static readonly TimeSpan NetworkDrop = TimeSpan.FromSeconds(27);

    // Walks east until the character is well away from where it entered (a resume at the spawn must not pass), stops,
    // and returns where it stands.
    private static async Task<(float X, float Y)> WalkAwayFromSpawnAsync(SdkPlayer player)
    {
        Assert.True(await GameClient.EventuallyAsync(() => player.Client.World.Self is not null, Wait), "the client never saw itself");
        var spawn = (player.Client.World.Self!.Value.X, player.Client.World.Self.Value.Y);
        await player.Client.MoveAsync(1f, 0f);
        var walked = await GameClient.EventuallyAsync(() => player.Client.World.Self is { } self && self.X > spawn.X + 20f, Wait);
        await player.Client.MoveAsync(0f, 0f);
        Assert.True(walked, $"the character never walked away from {spawn}");
        var stood = await player.WaitUntilStillAsync(Wait);
        Assert.True(Distance(spawn, stood) > 20f, $"entered at {spawn}, stands at {stood}");
        return stood;
    }

    // The client reconnected and re-entered by itself (no sign-in) into the same zone, where the character stood.
    private static async Task AssertResumedWhereItStoodAsync(SdkPlayer player, (float X, float Y) stood)
    {
        Assert.True(
            await GameClient.EventuallyAsync(() => !player.Resumes.IsEmpty, TimeSpan.FromSeconds(60)),
            $"never resumed; states: {string.Join(", ", player.States)}");
        Assert.Equal(player.Zone.ZoneId, Assert.Single(player.Resumes).ZoneId);
        Assert.Equal(player.Zone.ZoneId, player.Client.World.Zone?.ZoneId);
        Assert.Equal(ConnectionState.Connected, player.Client.State);
        Assert.True(await GameClient.EventuallyAsync(() => player.Client.World.Self is not null, Wait), "the resumed client never saw itself");
        var self = player.Client.World.Self!.Value;
        Assert.True(Distance(stood, (self.X, self.Y)) <= 2f, $"stood at {stood}, resumed at ({self.X}, {self.Y})");
        Assert.True(player.Client.IsSignedIn);
        Assert.Empty(player.ResumeFailures);
        Assert.Empty(player.SessionCloses);
    }

    private static float Distance((float X, float Y) a, (float X, float Y) b) => MathF.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
