using Sunderfall.Grains.Combat;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>What one simulation step changed; <see cref="Departed"/> lists the bodies whose logout delay ran out.</summary>
public sealed record ZoneTickResult(
    long Tick,
    IReadOnlyList<ZoneEntityState> Spawned,
    IReadOnlyList<ZoneMotion> Moved,
    IReadOnlyList<int> Despawned,
    IReadOnlyList<PortalCrossing> Crossings,
    IReadOnlyList<PlayerNotice> Corrections,
    IReadOnlyDictionary<Guid, long> Acks,
    ZoneCombatOutput Combat,
    IReadOnlyList<PlayerDeparture> Departed)
{
    /// <summary>True when nothing at all happened.</summary>
    public bool IsEmpty => Spawned.Count == 0 && Moved.Count == 0 && Despawned.Count == 0 && Corrections.Count == 0 && Acks.Count == 0
        && Combat.Events.Count == 0 && Combat.Vitals.Count == 0
        && Departed.Count == 0;
}
