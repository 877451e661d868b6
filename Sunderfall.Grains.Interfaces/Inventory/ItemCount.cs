namespace Sunderfall.Grains.Interfaces.Inventory;

/// <summary>A number of items of one kind (an item id from content/items).</summary>
[GenerateSerializer, Immutable, Alias("sf.ItemCount")]
public sealed record ItemCount(
    [property: Id(0)] string ItemId,
    [property: Id(1)] int Count);
