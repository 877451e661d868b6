namespace Sunderfall.Protocol.Social
{
    /// <summary>One member of a party.</summary>
    public sealed class PartyMemberInfo
    {
        /// <summary>The member's character id (GUID "D" form).</summary>
        public string Id { get; set; } = "";

        /// <summary>The member's character name.</summary>
        public string Name { get; set; } = "";
    }
}
