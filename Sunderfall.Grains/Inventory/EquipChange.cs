namespace Sunderfall.Grains.Inventory;

/// <summary>What an equip or unequip did: the item put on or taken off, its equipment slot and what it replaced.</summary>
public sealed record EquipChange(string ItemId, string EquipmentSlot, string? Replaced);
