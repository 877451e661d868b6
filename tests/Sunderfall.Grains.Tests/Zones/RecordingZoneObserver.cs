using System.Collections.Concurrent;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>A stand-in frontend that remembers every tick batch the zones send it, in arrival order.</summary>
public sealed class RecordingZoneObserver : IZoneObserver, IPlayerObserver
{
    private readonly ConcurrentQueue<ZoneTickBatch> batches = new();
    private readonly ConcurrentQueue<PlayerEvent> events = new();

    /// <summary>The batches received so far (enumerating takes a snapshot).</summary>
    public IReadOnlyCollection<ZoneTickBatch> Batches => batches;

    /// <summary>The player events received so far (chat, party, rewards), in arrival order.</summary>
    public IReadOnlyCollection<PlayerEvent> Events => events;

    public Task OnPlayerEventAsync(PlayerEvent playerEvent)
    {
        events.Enqueue(playerEvent);
        return Task.CompletedTask;
    }

    public Task OnZoneTickAsync(ZoneTickBatch batch)
    {
        batches.Enqueue(batch);
        return Task.CompletedTask;
    }
}
