using Sunderfall.IntegrationTests.Infrastructure;
using Xunit;

namespace Sunderfall.IntegrationTests.Game;

/// <summary>
/// A zone where nothing moves sends no batches; the frontend updates the world every other tick, so what a zone
/// changed on an odd tick must still reach every client when the zone then goes still.
/// </summary>
public sealed class StillZoneTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PlayersArrivingInAStillZone_AreAllSeenByAWatcherWhoSendsNothing()
    {
        // The proving grounds hold one straw dummy that never moves: the arrivals are the only changes.
        var content = ProvingGrounds.CreateContentDirectory();
        await using var cluster = await GameCluster.StartAsync("still", siloCount: 1, ProvingGrounds.SiloSettings(content));
        await using var watcher = await cluster.ConnectAsync();
        await watcher.CreateAndEnterAsync("Eye");
        Assert.True(await GameClient.EventuallyAsync(() => watcher.Find(ProvingGrounds.Dummy) is not null, Wait), "the watcher never saw the dummy");

        // Each arrival is one spawn on one tick, odd or even; six of them leave ~1/64 odds that all land on even ticks.
        var arrivals = new List<GameClient>();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                var arrival = await cluster.ConnectAsync();
                arrivals.Add(arrival);
                var (character, _) = await arrival.CreateAndEnterAsync("Still");
                Assert.True(
                    await GameClient.EventuallyAsync(() => watcher.Find(character.Name) is not null, Wait),
                    $"the watcher, sending nothing, never saw arrival {i + 1} ({character.Name}) in a zone where nothing else happened");
            }
        }
        finally
        {
            foreach (var arrival in arrivals)
            {
                await arrival.DisposeAsync();
            }
        }

        Assert.Null(watcher.ApplyFailure);
    }
}
