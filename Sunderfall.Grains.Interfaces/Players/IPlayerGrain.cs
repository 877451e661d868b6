using Orleans.Concurrency;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Parties;
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
    /// Puts the character of a signed-in account into its zone, reached through the given frontend and its observers,
    /// and returns the zone's roster; refused with Forbidden unless the character belongs to the account. The only way
    /// into the world: no method on this interface skips the ownership check.
    /// </summary>
    Task<GameResult<ZoneEntrySnapshot>> EnterWorldAsAsync(Guid accountId, string frontendId, FrontendObservers frontendObservers);

    /// <summary>Takes the character out of its zone and saves where it stood.</summary>
    Task<GameResult<CharacterSnapshot>> LeaveWorldAsync();

    /// <summary>
    /// Called by a zone when the player walked into a portal: saves the new zone and position first, then joins the
    /// target zone; a request from a zone or stay that is no longer current is ignored, so a retry cannot duplicate.
    /// </summary>
    // One-way: the zone must never wait on a player grain that may itself be waiting on the zone.
    [OneWay]
    Task TransferAsync(ZoneTransferRequest request);

    /// <summary>
    /// Called by the zone to save the live position and combat state; checkpoints from another zone or an earlier stay
    /// are ignored, and so are those arriving after leaving unless <see cref="PlayerCheckpoint.Final"/>. Completes once
    /// the character is written (or the checkpoint ignored) and fails if the write failed, so the zone can send it again;
    /// the zone awaits it beside its tick, never inside a turn (this grain may itself be waiting on the zone).
    /// </summary>
    Task CheckpointAsync(string zoneId, long worldSession, PlayerCheckpoint checkpoint);

    /// <summary>The character panel (progression, gold, stats, bag, equipment), or null if never created.</summary>
    // Always interleaves: a pure read.
    [AlwaysInterleave]
    Task<CharacterSheet?> GetSheetAsync();

    /// <summary>What the zone needs to run this character in combat (see <see cref="CombatProfile"/>).</summary>
    // Always interleaves: a pure read, and zones call it while this grain may be waiting on a zone.
    [AlwaysInterleave]
    Task<CombatProfile?> GetCombatProfileAsync();

    /// <summary>Equips the item in a bag slot into its equipment slot (what was there goes back to the bag).</summary>
    Task<GameResult<CharacterSheet>> EquipAsync(int bagSlot);

    /// <summary>Moves what is worn in an equipment slot back to the bag.</summary>
    Task<GameResult<CharacterSheet>> UnequipAsync(string equipmentSlot);

    /// <summary>Uses one consumable from a bag slot (e.g. a healing potion heals the character in its zone).</summary>
    Task<GameResult<CharacterSheet>> UseItemAsync(int bagSlot);

    /// <summary>Destroys some of the items in a bag slot.</summary>
    Task<GameResult<CharacterSheet>> DiscardAsync(int bagSlot, int count);

    /// <summary>
    /// Applies every reward committed for this character and not yet delivered (read from the reward ledger), each
    /// at most once, writes the character, marks them delivered and tells the client. Called after a commit, by the
    /// silo's sweeper for grants left undelivered, and on entering the world.
    /// </summary>
    // One-way: the caller (an encounter grain, the sweeper) only nudges; the ledger holds what is owed.
    [OneWay]
    Task CollectRewardsAsync();

    /// <summary>The party grain telling a member its party changed (null: no party any more).</summary>
    // One-way: the party grain must never wait on a member.
    [OneWay]
    Task OnPartyChangedAsync(PartySnapshot? party);

    /// <summary>
    /// True when this character was sent an invite to the party during its current activation (invites are delivered
    /// through <see cref="DeliverAsync"/>): asked before a party is joined or declined, so a made-up party id never
    /// activates a party grain.
    /// </summary>
    // Always interleaves: a pure read of the invites this activation passed on.
    [AlwaysInterleave]
    Task<bool> WasInvitedToAsync(Guid partyId);

    /// <summary>Passes an event to the frontend serving this character; false if the character is not online.</summary>
    // Always interleaves: only forwards to the frontend, and two players whispering each other must not deadlock.
    [AlwaysInterleave]
    Task<bool> DeliverAsync(PlayerEvent playerEvent);
}
