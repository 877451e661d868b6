namespace Sunderfall.Protocol.Characters
{
    /// <summary>What one bag slot holds.</summary>
    public sealed class InventoryItemInfo
    {
        /// <summary>The bag slot, from 0.</summary>
        public int Slot { get; set; }

        /// <summary>The item id from content (e.g. "minor-potion").</summary>
        public string ItemId { get; set; } = "";

        /// <summary>How many of the item the slot holds.</summary>
        public int Count { get; set; }
    }
}
