using System.Collections.Concurrent;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>A stand-in frontend that remembers every batch the zones send it.</summary>
public sealed class RecordingZoneObserver : IZoneObserver
{
    private readonly ConcurrentQueue<ZoneUpdateBatch> batches = new();

    public IReadOnlyCollection<ZoneUpdateBatch> Batches => batches;

    public Task OnZoneUpdateAsync(ZoneUpdateBatch batch)
    {
        batches.Enqueue(batch);
        return Task.CompletedTask;
    }
}
