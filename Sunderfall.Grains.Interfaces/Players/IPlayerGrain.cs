using Orleans.Concurrency;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>
/// One character, keyed by its id. Owns the durable character (name, class, level, zone, last saved position);
/// live positions belong to the zone, which checkpoints them back here.
/// </summary>
public interface IPlayerGrain : IGrainWithGuidKey
{
    /// <summary>Creates the character, claiming its name; refused if the name is taken or invalid.</summary>
    Task<GameResult<CharacterSnapshot>> CreateAsync(CreateCharacterRequest request);

    /// <summary>The character, or null if it was never created.</summary>
    // Always interleaves: a pure read, and zones call it while this grain may be waiting on a zone (no deadlock).
    [AlwaysInterleave]
    Task<CharacterSnapshot?> GetAsync();

    /// <summary>
    /// Puts the character into its zone, reached through the given frontend and its observer, and returns the
    /// zone's roster.
    /// </summary>
    Task<GameResult<ZoneEntrySnapshot>> EnterWorldAsync(string frontendId, IZoneObserver frontendObserver);

    /// <summary>
    /// EnterWorldAsync for a signed-in account: refused with Forbidden unless the character belongs to it.
    /// </summary>
    Task<GameResult<ZoneEntrySnapshot>> EnterWorldAsAsync(Guid accountId, string frontendId, IZoneObserver frontendObserver);

    /// <summary>Takes the character out of its zone and saves where it stood.</summary>
    Task<GameResult<CharacterSnapshot>> LeaveWorldAsync();

    /// <summary>
    /// Called by a zone when the player walked into a portal: saves the new zone and position first, then joins the
    /// target zone; a request from a zone or stay that is no longer current is ignored, so a retry cannot duplicate.
    /// </summary>
    // One-way: the zone must never wait on a player grain that may itself be waiting on the zone.
    [OneWay]
    Task TransferAsync(ZoneTransferRequest request);

    /// <summary>Called by the zone to save the live position; checkpoints from another zone or an earlier stay are ignored.</summary>
    // One-way: the zone must never wait on a player grain that may itself be waiting on the zone.
    [OneWay]
    Task CheckpointPositionAsync(string zoneId, long worldSession, WorldPosition position);
}
