namespace Sunderfall.Protocol.Characters
{
    /// <summary>A number of items of one kind.</summary>
    public sealed class ItemCountInfo
    {
        /// <summary>The item id from content.</summary>
        public string ItemId { get; set; } = "";

        /// <summary>How many.</summary>
        public int Count { get; set; }
    }
}
