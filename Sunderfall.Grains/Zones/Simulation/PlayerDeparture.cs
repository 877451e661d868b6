using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>
/// A player leaving a zone, with what to save of it. <see cref="Lingering"/>: it left in combat and its body stays in
/// the world for the logout delay; its final state comes later, in <see cref="ZoneTickResult.Departed"/>.
/// </summary>
public sealed record PlayerDeparture(Guid PlayerId, WorldPosition Position, CharacterVitals Vitals, bool Lingering)
{
    public PlayerCheckpoint Checkpoint(bool final = false) => new(Position, Vitals, final);
}
