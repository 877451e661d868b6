using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Tests.Zones;
using Xunit.Sdk;

namespace Sunderfall.Grains.Tests.Players;

/// <summary>
/// A frontend that records the player events sent to it (rewards, sheet changes, party changes). Keeps its observer
/// alive while the test runs and unregisters it when disposed.
/// </summary>
public sealed class EventFrontend : IDisposable
{
    private readonly IClusterClient client;
    private readonly RecordingZoneObserver recorder = new();

    public EventFrontend(IClusterClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
        Reference = new FrontendObservers(client.CreateObjectReference<IZoneObserver>(recorder), client.CreateObjectReference<IPlayerObserver>(recorder));
    }

    public string Id { get; } = "frontend-" + Guid.NewGuid().ToString("N")[..8];

    public FrontendObservers Reference { get; }

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
