using Sunderfall.Content.Definitions;

namespace Sunderfall.Content.Loading;

/// <summary>What an item definition may hold.</summary>
internal static class ItemRules
{
    public static void Check(ItemDefinition item, FieldChecker at)
    {
        at.Id("id", item.Id);
        at.Name(item.Name);
        at.OneOf("kind", item.Kind, ItemKinds.All, "an item kind");
        CheckSlot(item, at);
        at.Range("maxStack", item.MaxStack, 1, 9999);
        at.Range("value", item.Value, 0, 1_000_000);

        var stats = at.Member("stats");
        foreach (var (stat, bonus) in item.Stats)
        {
            if (StatNames.All.Contains(stat, StringComparer.Ordinal))
            {
                stats.Range(stat, bonus, -1000, 1000);
            }
            else
            {
                stats.Error(stat, $"'{stat}' is not a stat; allowed: {ContentText.List(StatNames.All)}");
            }
        }
    }

    private static void CheckSlot(ItemDefinition item, FieldChecker at)
    {
        if (item.Kind == ItemKinds.Equipment)
        {
            if (item.Slot.Length == 0)
            {
                at.Error("slot", $"is missing; equipment needs a slot; allowed: {ContentText.List(EquipmentSlots.All)}");
            }
            else
            {
                at.OneOf("slot", item.Slot, EquipmentSlots.All, "an equipment slot");
            }
        }
        else if (item.Slot.Length > 0 && ItemKinds.All.Contains(item.Kind, StringComparer.Ordinal))
        {
            at.Error("slot", $"'{item.Slot}' is set, but only equipment has a slot; leave it out for {item.Kind} items");
        }
    }
}
