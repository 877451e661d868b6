using Orleans.Concurrency;
using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// One zone instance ("{template}/{channel}"), simulated by the server at a fixed tick: it owns the live positions
/// of the players and monsters in it, applies queued movement inputs at the tick, runs monster AI, moves players
/// through portals and sends one batch per tick to each frontend that has players here.
/// </summary>
public interface IZoneGrain : IGrainWithStringKey
{
    /// <summary>Places a player in the zone (or refreshes its frontend); the player's frontend gets an Arrived notice.</summary>
    Task<GameResult<ZoneEntrySnapshot>> JoinAsync(ZoneJoinRequest request);

    /// <summary>
    /// Takes a player out: returns its last position and combat state, or null if it was not here. A player in combat
    /// leaves its body in the world for the logout delay (WorldOptions.LogoutDelay), still hittable; joining again
    /// meanwhile takes it back, otherwise the zone saves its final state with a <see cref="PlayerCheckpoint.Final"/> checkpoint.
    /// </summary>
    Task<PlayerCheckpoint?> LeaveAsync(Guid playerId);

    /// <summary>
    /// Queues the movement intents a frontend gathered for this zone since its last batch, in the order they came;
    /// returns the ones refused (an empty list when all were taken). How frontends forward moves: one call per zone
    /// carries every player's inputs, not one call per input.
    /// </summary>
    Task<IReadOnlyList<MoveRefusal>> SubmitInputsAsync(IReadOnlyList<PlayerMoveInput> inputs);

    /// <summary>
    /// Registers (or renews) a frontend's observers with the players it serves here, restoring players the zone lost
    /// (after a silo loss) from their saved state. Returns the players that are not in this zone (they moved on or
    /// left): the frontend re-enters them wherever their character now is.
    /// </summary>
    Task<IReadOnlyList<Guid>> SubscribeAsync(string frontendId, FrontendObservers observers, IReadOnlyList<Guid> playerIds);

    /// <summary>Asks for a full batch on the next tick (the frontend saw a gap in the tick numbers).</summary>
    // One-way: only sets a flag; the answer arrives in the ordinary batch stream.
    [OneWay]
    Task ResyncAsync(string frontendId);

    /// <summary>
    /// The frontend serving a player here, or null if the player is not in this zone. Player grains ask it after
    /// re-activating (a silo was lost), since the zone's roster is renewed by the frontends and theirs is not.
    /// </summary>
    // Always interleaves: a pure read, asked by player grains the zone may itself be calling.
    [AlwaysInterleave]
    Task<ZoneFrontend?> FrontendOfAsync(Guid playerId);

    /// <summary>Counts for operators and tests: players, monsters, the current tick.</summary>
    Task<ZoneStatus> GetStatusAsync();

    /// <summary>
    /// Checks an ability use against the rules (known, learned, alive, cooldown, resource, target, range) and queues
    /// it for the next tick; returns why it was refused, or null.
    /// </summary>
    Task<GameError?> UseAbilityAsync(Guid playerId, AbilityRequest request);

    /// <summary>The player grain telling the zone its character's combat profile changed (level, equipment, party).</summary>
    // One-way: the zone must never be waited on by a player grain that the zone may be calling.
    [OneWay]
    Task UpdateProfileAsync(Guid playerId, CombatProfile profile);

    /// <summary>Heals a player in this zone (a consumable was used); ignored for a dead or absent player.</summary>
    // One-way: as UpdateProfileAsync.
    [OneWay]
    Task HealAsync(Guid playerId, int amount);

    /// <summary>A chat line for everyone in this zone instance; it goes out with the next tick's batches.</summary>
    // One-way: chat never waits on the tick.
    [OneWay]
    Task BroadcastChatAsync(ChatLine line);

    /// <summary>The encounter grain confirming it committed an encounter this zone ended: the zone stops re-sending it.</summary>
    // One-way: the encounter grain must never wait on the zone.
    [OneWay]
    Task EncounterSettledAsync(Guid encounterId);
}
