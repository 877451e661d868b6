using Orleans.Concurrency;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>A frontend's receiver for zone ticks: one per frontend, fanning out to its own connections.</summary>
public interface IZoneObserver : IGrainObserver
{
    /// <summary>One tick of a zone instance.</summary>
    // One-way: a slow or dead frontend must not stall the zone's tick or the other frontends.
    [OneWay]
    Task OnZoneTickAsync(ZoneTickBatch batch);
}
