namespace Sunderfall.Grains.Inventory;

/// <summary>A number of one item kept outside the bag slots (the overflow), as stored with the character (JSON: ItemId, Count).</summary>
[GenerateSerializer, Alias("sf.OverflowItem")]
public sealed class OverflowItem
{
    [Id(0)]
    public string ItemId { get; set; } = "";

    [Id(1)]
    public int Count { get; set; }
}
