namespace Sunderfall.Protocol.Content
{
    /// <summary>An item as a client shows it.</summary>
    public sealed class ItemInfo
    {
        /// <summary>The id bags, rewards and equipment name.</summary>
        public string Id { get; set; } = "";

        /// <summary>Display name.</summary>
        public string Name { get; set; } = "";

        /// <summary>equipment, consumable or material.</summary>
        public string Kind { get; set; } = "";

        /// <summary>The equipment slot for equipment; empty otherwise.</summary>
        public string Slot { get; set; } = "";

        /// <summary>Health a consumable restores.</summary>
        public int Heal { get; set; }
    }
}
