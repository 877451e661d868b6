using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Xunit.Sdk;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>
/// A frontend as the zones see it: an id and an observer reference registered with the cluster client. Keeps the
/// observer alive while the test runs (the client holds it only weakly) and unregisters it when disposed. Waits are
/// bounded by <see cref="TestWorld.Patience"/> and fail the test with what was awaited.
/// </summary>
public sealed class TestFrontend : IDisposable
{
    private readonly IClusterClient client;
    private readonly RecordingZoneObserver recorder = new();

    public TestFrontend(IClusterClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
        Reference = new FrontendObservers(client.CreateObjectReference<IZoneObserver>(recorder), client.CreateObjectReference<IPlayerObserver>(recorder));
    }

    public string Id { get; } = "frontend-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>What the zones hold and call.</summary>
    public FrontendObservers Reference { get; }

    /// <summary>Enters the test owner's character into the world through this frontend.</summary>
    public Task<GameResult<ZoneEntrySnapshot>> EnterAsync(IPlayerGrain player)
    {
        ArgumentNullException.ThrowIfNull(player);
        return player.EnterWorldAsAsync(TestWorld.Owner, Id, Reference);
    }

    /// <summary>The player events (chat, party, rewards) received so far, in arrival order.</summary>
    public IReadOnlyCollection<Sunderfall.Grains.Interfaces.Players.PlayerEvent> Events => recorder.Events;

    /// <summary>The batches from <paramref name="zoneId"/> received so far, in the order the zone sent them.</summary>
    public IReadOnlyList<ZoneTickBatch> BatchesFrom(string zoneId) =>
        [.. recorder.Batches.Where(b => b.ZoneId == zoneId).OrderBy(b => b.Sequence)];

    /// <summary>The first batch received that matches; fails the test, naming <paramref name="expected"/>, when none comes in time.</summary>
    public async Task<ZoneTickBatch> WaitForBatchAsync(string expected, Func<ZoneTickBatch, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = await Eventually.FindAsync(() => recorder.Batches.FirstOrDefault(match), TestWorld.Patience);
        return found ?? throw new XunitException(
            $"frontend {Id} received no batch with {expected} within {TestWorld.Patience.TotalSeconds} s ({recorder.Batches.Count} batches in all)");
    }

    /// <summary>The first notice of <paramref name="kind"/> for <paramref name="playerId"/> from <paramref name="zoneId"/> matching <paramref name="match"/>.</summary>
    public async Task<PlayerNotice> WaitForNoticeAsync(string zoneId, Guid playerId, PlayerNoticeKind kind, Func<PlayerNotice, bool>? match = null)
    {
        bool Wanted(PlayerNotice n) => n.PlayerId == playerId && n.Kind == kind && (match is null || match(n));
        var batch = await WaitForBatchAsync($"a {kind} notice for player {playerId} from {zoneId}", b => b.ZoneId == zoneId && b.Notices.Any(Wanted));
        return batch.Notices.First(Wanted);
    }

    /// <summary>The player events of <paramref name="playerId"/> received so far, in arrival order.</summary>
    public IReadOnlyList<PlayerEvent> EventsOf(Guid playerId) => [.. recorder.Events.Where(e => e.PlayerId == playerId)];

    /// <summary>The first event for <paramref name="playerId"/> that matches; fails the test, naming what was awaited, when none comes in time.</summary>
    public async Task<PlayerEvent> WaitForEventAsync(Guid playerId, string expected, Func<PlayerEvent, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = await Eventually.FindAsync(() => EventsOf(playerId).FirstOrDefault(match), TestWorld.Patience);
        return found ?? throw new XunitException(
            $"frontend {Id} received no {expected} for player {playerId} within {TestWorld.Patience.TotalSeconds} s ({EventsOf(playerId).Count} events for it)");
    }

    public void Dispose()
    {
        client.DeleteObjectReference<IZoneObserver>(Reference.Zone);
        client.DeleteObjectReference<IPlayerObserver>(Reference.Players);
    }
}
