namespace Sunderfall.Grains.Interfaces.Inventory;

/// <summary>What one bag slot holds.</summary>
[GenerateSerializer, Immutable, Alias("sf.InventoryItem")]
public sealed record InventoryItem(
    [property: Id(0)] int Slot,
    [property: Id(1)] string ItemId,
    [property: Id(2)] int Count);
