using Orleans.Concurrency;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>A frontend's receiver for zone updates: one per frontend, fanning out to its own connections.</summary>
public interface IZoneObserver : IGrainObserver
{
    /// <summary>One tick's changes in a zone.</summary>
    // One-way: a slow or dead frontend must not stall the zone's tick or the other frontends.
    [OneWay]
    Task OnZoneUpdateAsync(ZoneUpdateBatch batch);
}
