namespace Sunderfall.Protocol
{
    /// <summary>The hub's address and the names of its methods and events: the one place clients take them from.</summary>
    public static class HubNames
    {
        /// <summary>The SignalR hub path on the frontend.</summary>
        public const string Path = "/hubs/game";

        /// <summary>Client to server: CreateCharacter(name, class) returns CallResult of CharacterInfo.</summary>
        public const string CreateCharacter = "CreateCharacter";

        /// <summary>Client to server: ListCharacters() returns CallResult of CharacterList (the account's characters).</summary>
        public const string ListCharacters = "ListCharacters";

        /// <summary>Client to server: EnterWorld(characterId) returns CallResult of ZoneEntered.</summary>
        public const string EnterWorld = "EnterWorld";

        /// <summary>
        /// Client to server, fire-and-forget: Move(sequence, dirX, dirY) - walk in that direction (length at most 1;
        /// (0, 0) stops) from the next tick on. The sequence grows with every input; WorldDelta.AckInput echoes the
        /// newest one applied.
        /// </summary>
        public const string Move = "Move";

        /// <summary>Client to server: LeaveWorld() returns CallResult of CharacterInfo with the saved position.</summary>
        public const string LeaveWorld = "LeaveWorld";

        /// <summary>Server to client, once per tick in which something in view changed: a WorldDelta.</summary>
        public const string WorldDeltaEvent = "WorldDelta";

        /// <summary>Server to client: a ZoneEntered, when the character moved to another zone (a portal).</summary>
        public const string ZoneChangedEvent = "ZoneChanged";

        /// <summary>Server to client: a MoveCorrection (movement blocked, or an input refused).</summary>
        public const string CorrectionEvent = "Correction";

        /// <summary>Server to client: a ServerError not tied to a request (e.g. a refused fire-and-forget call).</summary>
        public const string ErrorEvent = "Error";
    }
}
