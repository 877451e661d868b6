using System.Diagnostics.CodeAnalysis;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Inventory;

/// <summary>
/// The rules of what a character wears, applied to its stored equipment-slot -> item id map and its bag: only
/// equipment can be worn, each piece in its own slot; what it replaces goes back to the bag, and a change that would
/// leave an item with nowhere to go (the bag full) is refused. A refused change changes nothing.
/// </summary>
public sealed class Equipment
{
    private readonly Dictionary<string, string> worn;
    private readonly Bag bag;
    private readonly IReadOnlyDictionary<string, ItemDefinition> items;

    public Equipment(Dictionary<string, string> worn, Bag bag, IReadOnlyDictionary<string, ItemDefinition> items)
    {
        ArgumentNullException.ThrowIfNull(worn);
        ArgumentNullException.ThrowIfNull(bag);
        ArgumentNullException.ThrowIfNull(items);
        (this.worn, this.bag, this.items) = (worn, bag, items);
    }

    /// <summary>Item ids by equipment slot.</summary>
    public IReadOnlyDictionary<string, string> Worn => worn;

    /// <summary>Wears one item from <paramref name="bagSlot"/>; what was worn in its slot takes its place in the bag.</summary>
    public bool TryEquip(int bagSlot, [NotNullWhen(true)] out EquipChange? change, [NotNullWhen(false)] out GameError? why)
    {
        change = null;
        if (!bag.TryFind(bagSlot, out var held, out why))
        {
            return false;
        }

        if (!items.TryGetValue(held.ItemId, out var item))
        {
            why = Bag.NoLongerInTheGame(held);
            return false;
        }

        if (item.Kind != ItemKinds.Equipment || !EquipmentSlots.All.Contains(item.Slot, StringComparer.Ordinal))
        {
            why = new GameError(
                GameErrorCode.InventoryRule, $"{item.Name} in bag slot {bagSlot} is not equipment ({item.Kind}); only equipment can be worn");
            return false;
        }

        var replaced = worn.GetValueOrDefault(item.Slot);
        if (replaced is not null && held.Count == 1)
        {
            // The piece taken off takes the place of the one put on.
            held.ItemId = replaced;
        }
        else if (replaced is not null)
        {
            if (!bag.HasRoomFor(replaced, 1))
            {
                why = new GameError(
                    GameErrorCode.InventoryRule,
                    $"no room in the bag for {bag.NameOf(replaced)}, worn in {item.Slot}: the bag is full ({Used} slots); free a bag slot first");
                return false;
            }

            bag.Take(held, 1);
            bag.Add(replaced, 1);
        }
        else
        {
            bag.Take(held, 1);
        }

        worn[item.Slot] = item.Id;
        change = new EquipChange(item.Id, item.Slot, replaced);
        return true;
    }

    /// <summary>Takes off what is worn in <paramref name="equipmentSlot"/> and puts it in the bag.</summary>
    public bool TryUnequip(string equipmentSlot, [NotNullWhen(true)] out EquipChange? change, [NotNullWhen(false)] out GameError? why)
    {
        change = null;
        if (!EquipmentSlots.All.Contains(equipmentSlot, StringComparer.Ordinal))
        {
            why = new GameError(
                GameErrorCode.InvalidArgument, $"'{equipmentSlot}' is not an equipment slot; slots are {string.Join(", ", EquipmentSlots.All)}");
            return false;
        }

        if (!worn.TryGetValue(equipmentSlot, out var itemId))
        {
            why = new GameError(GameErrorCode.NotFound, $"nothing is worn in {equipmentSlot}");
            return false;
        }

        if (!bag.HasRoomFor(itemId, 1))
        {
            why = new GameError(
                GameErrorCode.InventoryRule, $"the bag is full ({Used} slots); free a bag slot to take off {bag.NameOf(itemId)}");
            return false;
        }

        worn.Remove(equipmentSlot);
        bag.Add(itemId, 1);
        change = new EquipChange(itemId, equipmentSlot, null);
        why = null;
        return true;
    }

    private string Used => $"{bag.Capacity - bag.FreeSlots} of {bag.Capacity}";
}
