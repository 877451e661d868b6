namespace Sunderfall.Protocol
{
    /// <summary>The hub's address and the names of its methods and events: the one place clients take them from.</summary>
    public static class HubNames
    {
        /// <summary>The SignalR hub path on the frontend.</summary>
        public const string Path = "/hubs/game";

        /// <summary>Client to server: CreateCharacter(name, class) returns CallResult of CharacterInfo.</summary>
        public const string CreateCharacter = "CreateCharacter";

        /// <summary>Client to server: EnterWorld(characterId) returns CallResult of ZoneEntered.</summary>
        public const string EnterWorld = "EnterWorld";

        /// <summary>Client to server, fire-and-forget: Move(x, y); a refusal comes back as a Correction event.</summary>
        public const string Move = "Move";

        /// <summary>Client to server: LeaveWorld() returns CallResult of CharacterInfo with the saved position.</summary>
        public const string LeaveWorld = "LeaveWorld";

        /// <summary>Server to client: a WorldUpdate.</summary>
        public const string WorldUpdateEvent = "WorldUpdate";

        /// <summary>Server to client: a MoveCorrection.</summary>
        public const string CorrectionEvent = "Correction";

        /// <summary>Server to client: a ServerError not tied to a request (e.g. a refused fire-and-forget call).</summary>
        public const string ErrorEvent = "Error";
    }
}
