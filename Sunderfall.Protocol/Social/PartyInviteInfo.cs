namespace Sunderfall.Protocol.Social
{
    /// <summary>An invitation to a party: accept it with AcceptPartyInvite(partyId) before it expires.</summary>
    public sealed class PartyInviteInfo
    {
        /// <summary>The party invited to (GUID "D" form).</summary>
        public string PartyId { get; set; } = "";

        /// <summary>The inviting leader's character id (GUID "D" form).</summary>
        public string FromId { get; set; } = "";

        /// <summary>The inviting leader's character name.</summary>
        public string FromName { get; set; } = "";

        /// <summary>When the invite stops being valid: server time, Unix milliseconds.</summary>
        public long ExpiresAt { get; set; }
    }
}
