namespace Sunderfall.Protocol.Errors
{
    /// <summary>Why the server refused a client's call. Numbers are part of the wire contract: never reuse one.</summary>
    public enum ErrorCode
    {
        /// <summary>No error.</summary>
        None = 0,
        /// <summary>An argument is missing, of the wrong form or out of range; the message says what is allowed.</summary>
        InvalidArgument = 1,
        /// <summary>Another character already has this name (names are compared ignoring case).</summary>
        NameTaken = 2,
        /// <summary>No character with this id exists.</summary>
        CharacterNotFound = 3,
        /// <summary>The call needs a character in the world and this connection has none.</summary>
        NotInWorld = 4,
        /// <summary>The move was refused (too fast or outside the zone); the server's position comes back with it.</summary>
        MoveRejected = 5,
        /// <summary>The game cluster could not be reached; try again shortly.</summary>
        Unavailable = 6,
        /// <summary>This connection already has a character in the world.</summary>
        AlreadyInWorld = 7,
        /// <summary>The server failed to complete the call; nothing was changed that the reply did not report.</summary>
        Internal = 8,
        /// <summary>The character or action belongs to another account, or needs a role the caller lacks.</summary>
        Forbidden = 9,
        /// <summary>Too many calls; the message says the allowed rate. Sustained abuse disconnects.</summary>
        RateLimited = 10,
        /// <summary>A limit was reached (e.g. characters per account); the message says which.</summary>
        LimitReached = 11,
        /// <summary>The account signed in from another connection; this one is being closed.</summary>
        SessionReplaced = 12,
        /// <summary>The sign-in session ended (logged out, banned, or the token was revoked); sign in again.</summary>
        SessionEnded = 13,
        /// <summary>A moderator closed this session; the message gives the reason.</summary>
        Kicked = 14,
        /// <summary>The ability is not ready yet; the message says how long until it is.</summary>
        OnCooldown = 15,
        /// <summary>Not enough resource (mana/energy) for the ability; the message gives cost and current amount.</summary>
        NotEnoughResource = 16,
        /// <summary>The target does not exist, is dead, or is of the wrong kind for the ability.</summary>
        InvalidTarget = 17,
        /// <summary>The target is farther than the ability's range; the message gives both.</summary>
        OutOfRange = 18,
        /// <summary>The character is dead and cannot act until it comes back.</summary>
        Dead = 19,
        /// <summary>A party rule refused the request (full, not the leader, not a member, invite expired...).</summary>
        PartyRule = 20,
        /// <summary>The character is already in a party.</summary>
        AlreadyInParty = 21,
        /// <summary>The character addressed is not online.</summary>
        PlayerOffline = 22,
        /// <summary>An inventory rule refused the request (bag full, wrong slot, not usable...).</summary>
        InventoryRule = 23,
        /// <summary>The thing asked for (an invite, an item, a character name) does not exist.</summary>
        NotFound = 24,
        /// <summary>A wall stands between the caster and the ability's target (checked on arrival and when it lands).</summary>
        NoLineOfSight = 25,
    }
}
