using Sunderfall.Client;
using Xunit;

namespace Sunderfall.Cluster.Tests;

/// <summary>Players through HAProxy on a cluster of containers: two frontends, three silos.</summary>
[Collection(LocalClusterDefinition.Name)]
public sealed class ClusterPlayTests(LocalCluster cluster)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PlayersOnDifferentFrontends_InOneZone_SeeEachOther()
    {
        var (first, firstFrontend, second, secondFrontend) = await TwoPlayersOnTwoFrontendsAsync();
        await using (first)
        await using (second)
        {
            Assert.NotEqual(firstFrontend, secondFrontend);
            Assert.Equal(first.Zone.ZoneId, second.Zone.ZoneId);
            Assert.True(await SeesAsync(first, second), $"{first.Character.Name} on {firstFrontend} never saw {second.Character.Name} on {secondFrontend}");
            Assert.True(await SeesAsync(second, first), $"{second.Character.Name} on {secondFrontend} never saw {first.Character.Name} on {firstFrontend}");
        }
    }

    [Fact]
    public async Task FrontendTakenDown_ItsPlayerMovesToTheOtherThroughTheLoadBalancer_AndResumesWithoutSigningIn()
    {
        var (stayer, stayerFrontend, mover, moverFrontend) = await TwoPlayersOnTwoFrontendsAsync();
        await using (stayer)
        await using (mover)
        {
            var tokensBefore = mover.TokenChanges;
            try
            {
                await LocalCluster.StopAsync(moverFrontend);

                Assert.True(
                    await Shell.EventuallyAsync(() => Task.FromResult(!mover.Resumes.IsEmpty && mover.Client.State == ConnectionState.Connected), TimeSpan.FromSeconds(90)),
                    $"{mover.Character.Name} was not resumed after {moverFrontend} stopped (state {mover.Client.State})");
                var resumed = mover.Resumes.Last();
                Assert.Equal(mover.Zone.ZoneId, resumed.ZoneId);
                var stats = await cluster.FrontendStatsAsync();
                Assert.False(stats[moverFrontend].Up, $"HAProxy still has {moverFrontend} up");
                Assert.True(stats[stayerFrontend].Sessions >= 2, $"{stayerFrontend} holds {stats[stayerFrontend].Sessions} connection(s); both players should be on it now");

                // Same sign-in: the access token still served, so no new tokens, and no password was asked for.
                Assert.True(mover.Client.IsSignedIn);
                Assert.Equal(tokensBefore, mover.TokenChanges);
                Assert.Equal(mover.Character.Id, mover.Client.CurrentCharacterId);
                Assert.True(await SeesAsync(mover, stayer), $"{mover.Character.Name}, resumed on {stayerFrontend}, never saw {stayer.Character.Name}");
                Assert.True(await SeesAsync(stayer, mover), $"{stayer.Character.Name} never saw {mover.Character.Name} come back");
            }
            finally
            {
                await cluster.StartAsync(moverFrontend);
            }
        }
    }

    /// <summary>
    /// Two players, each placed by HAProxy (fewest connections first): the second lands on the other frontend. The
    /// statistics say which frontend gained each player's WebSocket.
    /// </summary>
    private async Task<(ClusterPlayer First, string FirstFrontend, ClusterPlayer Second, string SecondFrontend)> TwoPlayersOnTwoFrontendsAsync()
    {
        // The players of an earlier test may still be closing: start from no open connections, so a gain is ours.
        Assert.True(
            await Shell.EventuallyAsync(async () => (await cluster.FrontendStatsAsync()).Values.All(s => s.Sessions == 0), Wait),
            "connections of an earlier test stayed open");
        var before = await cluster.FrontendStatsAsync();
        Assert.True(before.Values.All(s => s.Up), "a frontend is down before the test: " + string.Join(", ", before.Select(b => $"{b.Key} {(b.Value.Up ? "up" : "down")}")));
        var first = await ClusterPlayer.PlayingAsync(cluster.Url, "One");
        var firstFrontend = await cluster.FrontendThatGainedAsync(before, Wait);
        var middle = await cluster.FrontendStatsAsync();
        for (var attempt = 1; ; attempt++)
        {
            var second = await ClusterPlayer.PlayingAsync(cluster.Url, "Two");
            var secondFrontend = await cluster.FrontendThatGainedAsync(middle, Wait);
            if (secondFrontend != firstFrontend || attempt == MaxPlacements)
            {
                return (first, firstFrontend, second, secondFrontend);
            }

            // A tie in HAProxy's count (a connection of the sign-in or the negotiate still open on the other
            // frontend) can place this player beside the first: it goes, and another is placed, a few times at most.
            await second.DisposeAsync();
            Assert.True(
                await Shell.EventuallyAsync(async () => (await cluster.FrontendStatsAsync())[firstFrontend].Sessions <= middle[firstFrontend].Sessions, Wait),
                $"the extra player's connection to {firstFrontend} stayed open");
        }
    }

    /// <summary>How many players at most are placed to get one onto the second frontend.</summary>
    private const int MaxPlacements = 4;

    private static Task<bool> SeesAsync(ClusterPlayer viewer, ClusterPlayer seen) =>
        Shell.EventuallyAsync(() => Task.FromResult(viewer.Client.World.FindByName(seen.Character.Name) is not null), Wait);
}
