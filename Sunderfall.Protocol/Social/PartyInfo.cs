namespace Sunderfall.Protocol.Social
{
    /// <summary>A party as it stands. An empty <see cref="PartyId"/> means no party (the character is in none, or left it).</summary>
    public sealed class PartyInfo
    {
        /// <summary>The party id (GUID "D" form), or empty when there is no party.</summary>
        public string PartyId { get; set; } = "";

        /// <summary>The leader's character id (GUID "D" form); empty when there is no party.</summary>
        public string LeaderId { get; set; } = "";

        /// <summary>The members in the order they joined, the leader included.</summary>
        public PartyMemberInfo[] Members { get; set; } = System.Array.Empty<PartyMemberInfo>();

        /// <summary>The most members the party may have.</summary>
        public int MaxSize { get; set; }
    }
}
