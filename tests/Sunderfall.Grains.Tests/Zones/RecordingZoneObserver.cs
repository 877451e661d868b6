using System.Collections.Concurrent;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>A stand-in frontend that remembers every tick batch the zones send it, in arrival order.</summary>
public sealed class RecordingZoneObserver : IZoneObserver
{
    private readonly ConcurrentQueue<ZoneTickBatch> batches = new();

    /// <summary>The batches received so far (enumerating takes a snapshot).</summary>
    public IReadOnlyCollection<ZoneTickBatch> Batches => batches;

    public Task OnZoneTickAsync(ZoneTickBatch batch)
    {
        batches.Enqueue(batch);
        return Task.CompletedTask;
    }
}
