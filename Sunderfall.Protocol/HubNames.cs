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

        /// <summary>
        /// Client to server, fire-and-forget: UseAbility(sequence, abilityId, targetNetId) - use an ability on an entity
        /// (0 or one's own netId for oneself). A refusal comes back as an Error event; what happens comes in Combat events.
        /// </summary>
        public const string UseAbility = "UseAbility";

        /// <summary>Client to server: GetCharacterSheet() returns CallResult of CharacterSheetInfo.</summary>
        public const string GetCharacterSheet = "GetCharacterSheet";

        /// <summary>Client to server: EquipItem(bagSlot) returns CallResult of CharacterSheetInfo.</summary>
        public const string EquipItem = "EquipItem";

        /// <summary>Client to server: UnequipItem(equipmentSlot) returns CallResult of CharacterSheetInfo.</summary>
        public const string UnequipItem = "UnequipItem";

        /// <summary>Client to server: UseItem(bagSlot) returns CallResult of CharacterSheetInfo.</summary>
        public const string UseItem = "UseItem";

        /// <summary>Client to server: DiscardItem(bagSlot, count) returns CallResult of CharacterSheetInfo.</summary>
        public const string DiscardItem = "DiscardItem";

        /// <summary>Client to server: CreateParty() returns CallResult of PartyInfo.</summary>
        public const string CreateParty = "CreateParty";

        /// <summary>Client to server: InviteToParty(characterName) returns CallResult of PartyInviteInfo.</summary>
        public const string InviteToParty = "InviteToParty";

        /// <summary>Client to server: AcceptPartyInvite(partyId) returns CallResult of PartyInfo.</summary>
        public const string AcceptPartyInvite = "AcceptPartyInvite";

        /// <summary>Client to server: DeclinePartyInvite(partyId) returns CallResult of PartyInfo (empty).</summary>
        public const string DeclinePartyInvite = "DeclinePartyInvite";

        /// <summary>Client to server: LeaveParty() returns CallResult of PartyInfo (empty).</summary>
        public const string LeaveParty = "LeaveParty";

        /// <summary>Client to server: KickFromParty(characterName) returns CallResult of PartyInfo.</summary>
        public const string KickFromParty = "KickFromParty";

        /// <summary>Client to server: PromotePartyLeader(characterName) returns CallResult of PartyInfo.</summary>
        public const string PromotePartyLeader = "PromotePartyLeader";

        /// <summary>Client to server: DisbandParty() returns CallResult of PartyInfo (empty).</summary>
        public const string DisbandParty = "DisbandParty";

        /// <summary>Client to server: GetParty() returns CallResult of PartyInfo (empty partyId when in none).</summary>
        public const string GetParty = "GetParty";

        /// <summary>Client to server: SendChat(channel, text, toName) returns CallResult of ChatMessage (as delivered).</summary>
        public const string SendChat = "SendChat";

        /// <summary>Server to client, once per tick in which something in view changed: a WorldDelta.</summary>
        public const string WorldDeltaEvent = "WorldDelta";

        /// <summary>Server to client: a ZoneEntered, when the character moved to another zone (a portal).</summary>
        public const string ZoneChangedEvent = "ZoneChanged";

        /// <summary>Server to client: a MoveCorrection (movement blocked, or an input refused).</summary>
        public const string CorrectionEvent = "Correction";

        /// <summary>Server to client: a CombatEvents batch (abilities, damage, heals, deaths, respawns in view) for one tick.</summary>
        public const string CombatEvent = "Combat";

        /// <summary>Server to client: a Vitals (the character's own health, resource, death and cast) when it changes.</summary>
        public const string VitalsEvent = "Vitals";

        /// <summary>Server to client: a ChatMessage (zone, party, whisper or system).</summary>
        public const string ChatEvent = "Chat";

        /// <summary>Server to client: a PartyInfo when the character's party changed (empty partyId: no party any more).</summary>
        public const string PartyChangedEvent = "PartyChanged";

        /// <summary>Server to client: a PartyInviteInfo when someone invites the character to a party.</summary>
        public const string PartyInvitedEvent = "PartyInvited";

        /// <summary>Server to client: a RewardInfo once a reward is committed and applied (with the new sheet).</summary>
        public const string RewardEvent = "Reward";

        /// <summary>Server to client: a CharacterSheetInfo when level, items, equipment or gold changed.</summary>
        public const string SheetChangedEvent = "SheetChanged";

        /// <summary>Server to client: a ServerError not tied to a request (e.g. a refused fire-and-forget call).</summary>
        public const string ErrorEvent = "Error";
    }
}
