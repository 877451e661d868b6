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
}
