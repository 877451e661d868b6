using Sunderfall.Content.Definitions;

namespace Sunderfall.Grains.Tests.Inventory;

/// <summary>A handful of item definitions for the bag and equipment rules.</summary>
public static class TestItems
{
    public static IReadOnlyDictionary<string, ItemDefinition> All { get; } = new Dictionary<string, ItemDefinition>(StringComparer.Ordinal)
    {
        ["pelt"] = new() { Id = "pelt", Name = "Pelt", Kind = ItemKinds.Material, MaxStack = 20 },
        ["potion"] = new() { Id = "potion", Name = "Potion", Kind = ItemKinds.Consumable, MaxStack = 10, Heal = 40 },
        ["pebble"] = new() { Id = "pebble", Name = "Pebble", Kind = ItemKinds.Consumable, MaxStack = 10 },
        ["sword"] = new() { Id = "sword", Name = "Sword", Kind = ItemKinds.Equipment, Slot = EquipmentSlots.Weapon },
        ["axe"] = new() { Id = "axe", Name = "Axe", Kind = ItemKinds.Equipment, Slot = EquipmentSlots.Weapon },
        ["cap"] = new() { Id = "cap", Name = "Cap", Kind = ItemKinds.Equipment, Slot = EquipmentSlots.Head },
        ["ring"] = new() { Id = "ring", Name = "Copper Ring", Kind = ItemKinds.Equipment, Slot = EquipmentSlots.Ring, MaxStack = 5 },
        ["gold-ring"] = new() { Id = "gold-ring", Name = "Gold Ring", Kind = ItemKinds.Equipment, Slot = EquipmentSlots.Ring },
    };
}
