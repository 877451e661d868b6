namespace Sunderfall.Grains.Interfaces.Common;

/// <summary>Why a grain refused a request. The frontend maps these to the wire's error codes.</summary>
public enum GameErrorCode
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>An argument is out of range or malformed.</summary>
    InvalidArgument = 1,
    /// <summary>The character name is held by another character.</summary>
    NameTaken = 2,
    /// <summary>The character does not exist.</summary>
    CharacterNotFound = 3,
    /// <summary>The character was already created.</summary>
    CharacterExists = 4,
    /// <summary>The player is not in this zone (e.g. the zone re-activated after a silo was lost).</summary>
    NotInZone = 5,
    /// <summary>The move broke a movement rule; the authoritative position comes with it.</summary>
    MoveRejected = 6,
    /// <summary>The character belongs to another account.</summary>
    Forbidden = 7,
    /// <summary>A limit was reached (e.g. characters per account).</summary>
    LimitReached = 8,
    /// <summary>The ability is not ready yet; the message says how long until it is.</summary>
    OnCooldown = 9,
    /// <summary>Not enough resource (mana/energy) for the ability; the message gives cost and current amount.</summary>
    NotEnoughResource = 10,
    /// <summary>The target does not exist, is dead, or is of the wrong kind for the ability.</summary>
    InvalidTarget = 11,
    /// <summary>The target is farther than the ability's range.</summary>
    OutOfRange = 12,
    /// <summary>The character is dead and cannot act until it respawns.</summary>
    Dead = 13,
    /// <summary>A party rule refused the request (full, not the leader, not a member, invite expired...).</summary>
    PartyRule = 14,
    /// <summary>The character is already in a party.</summary>
    AlreadyInParty = 15,
    /// <summary>The addressed character is not online.</summary>
    PlayerOffline = 16,
    /// <summary>An inventory rule refused the request (full, item not held, wrong slot...).</summary>
    InventoryRule = 17,
    /// <summary>Too many requests of this kind (e.g. chat messages); the message gives the allowed rate.</summary>
    RateLimited = 18,
    /// <summary>The thing asked for (an invite, an item, a character name) does not exist.</summary>
    NotFound = 19,
    /// <summary>A wall stands between the caster and the ability's target.</summary>
    NoLineOfSight = 20,
}
