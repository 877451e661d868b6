using Orleans.Concurrency;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>A frontend's receiver for zone ticks: one per frontend, fanning out to its own connections.</summary>
public interface IZoneObserver : IGrainObserver
{
    /// <summary>One tick of a zone instance.</summary>
    // One-way: a slow or dead frontend must not stall the zone's tick or the other frontends.
    [OneWay]
    Task OnZoneTickAsync(ZoneTickBatch batch);

    /// <summary>An event for one of this frontend's players that does not come from a zone tick (chat, party, rewards).</summary>
    // One-way: the sender (a player grain) must not wait on a frontend.
    [OneWay]
    Task OnPlayerEventAsync(PlayerEvent playerEvent);
}
