namespace Sunderfall.Grains.Inventory;

/// <summary>One occupied bag slot as stored with the character (JSON: Slot, ItemId, Count).</summary>
[GenerateSerializer, Alias("sf.BagSlot")]
public sealed class BagSlot
{
    [Id(0)]
    public int Slot { get; set; }

    [Id(1)]
    public string ItemId { get; set; } = "";

    [Id(2)]
    public int Count { get; set; }
}
