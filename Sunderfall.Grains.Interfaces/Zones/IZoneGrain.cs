using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// One zone, keyed by its id. Owns the live positions of the players in it, validates their moves and sends one
/// batch of changes per tick to each frontend that has players here.
/// </summary>
public interface IZoneGrain : IGrainWithStringKey
{
    /// <summary>Places a player in the zone (or refreshes its frontend) and returns the roster.</summary>
    Task<GameResult<ZoneEntrySnapshot>> JoinAsync(ZoneJoinRequest request);

    /// <summary>Removes a player; returns its last position, or null if it was not here.</summary>
    Task<WorldPosition?> LeaveAsync(Guid playerId);

    /// <summary>Moves a player if the move keeps to the zone's bounds and speed limit.</summary>
    Task<MoveResult> MoveAsync(Guid playerId, WorldPosition target);

    /// <summary>
    /// Registers (or renews) a frontend's observer together with the players it serves here. Frontends call this
    /// periodically: it renews the lease, and after a silo loss it re-creates the zone's roster from the players' grains.
    /// </summary>
    Task SubscribeAsync(string frontendId, IZoneObserver observer, IReadOnlyList<Guid> playerIds);
}
