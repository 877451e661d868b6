using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Inventory;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Players;

// Equipping, using and discarding items: the rules are Bag's and Equipment's; here each change is saved, logged and told.
public sealed partial class PlayerGrain
{
    public async Task<GameResult<CharacterSheet>> EquipAsync(int bagSlot)
    {
        if (!state.RecordExists)
        {
            return NotFound();
        }

        if (!new Equipment(state.State.Equipped, NewBag(), content.Items).TryEquip(bagSlot, out var change, out var why))
        {
            return Refused(why);
        }

        return await SaveItemChangeAsync(TransactionKinds.ItemEquipped, new()
        {
            ["item"] = change.ItemId, ["count"] = 1, ["slot"] = change.EquipmentSlot, ["bagSlot"] = bagSlot, ["replaced"] = change.Replaced,
        });
    }

    public async Task<GameResult<CharacterSheet>> UnequipAsync(string equipmentSlot)
    {
        if (!state.RecordExists)
        {
            return NotFound();
        }

        if (!new Equipment(state.State.Equipped, NewBag(), content.Items).TryUnequip(equipmentSlot ?? "", out var change, out var why))
        {
            return Refused(why);
        }

        return await SaveItemChangeAsync(TransactionKinds.ItemUnequipped, new()
        {
            ["item"] = change.ItemId, ["count"] = 1, ["slot"] = change.EquipmentSlot,
        });
    }

    public async Task<GameResult<CharacterSheet>> UseItemAsync(int bagSlot)
    {
        if (!state.RecordExists)
        {
            return NotFound();
        }

        var bag = NewBag();
        if (!bag.TryFindUsable(bagSlot, out var item, out var why))
        {
            return Refused(why);
        }

        if (!state.State.InWorld)
        {
            return GameResult<CharacterSheet>.Failure(
                GameErrorCode.InventoryRule, $"use potions in the world: {item.Name} can only be used while the character is in a zone");
        }

        var left = bag.Slots.First(s => s.Slot == bagSlot).Count - 1;
        bag.Remove(bagSlot, 1);
        return await SaveItemChangeAsync(
            TransactionKinds.ItemUsed,
            new() { ["item"] = item.Id, ["count"] = 1, ["bagSlot"] = bagSlot, ["left"] = left, ["heal"] = item.Heal },
            // One-way: dead or alive, and by how much the health rises, is the zone's business.
            () => GrainFactory.GetGrain<IZoneGrain>(state.State.ZoneId).HealAsync(Id, item.Heal));
    }

    public async Task<GameResult<CharacterSheet>> DiscardAsync(int bagSlot, int count)
    {
        if (!state.RecordExists)
        {
            return NotFound();
        }

        var bag = NewBag();
        if (!bag.TryFind(bagSlot, out var held, out var why))
        {
            return Refused(why);
        }

        var (itemId, had) = (held.ItemId, held.Count);
        if (bag.Remove(bagSlot, count) is { } refused)
        {
            return Refused(refused);
        }

        return await SaveItemChangeAsync(
            TransactionKinds.ItemDiscarded, new() { ["item"] = itemId, ["count"] = count, ["bagSlot"] = bagSlot, ["left"] = had - count });
    }

    /// <summary>Saves an item change, then logs it, lets it take effect, tells the client and, if stats changed, the zone.</summary>
    private async Task<GameResult<CharacterSheet>> SaveItemChangeAsync(
        string kind, Dictionary<string, object?> details, Func<Task>? effect = null)
    {
        var statsBefore = savedSheet?.Stats;
        await SaveAsync();
        Record(kind, details);
        if (effect is not null)
        {
            await effect();
        }

        var sheet = savedSheet!;
        await DeliverAsync(new PlayerEvent(Id, PlayerEventKind.SheetChanged, Sheet: sheet));
        if (sheet.Stats != statsBefore)
        {
            await PushProfileAsync();
        }

        return GameResult<CharacterSheet>.Success(sheet);
    }

    private GameResult<CharacterSheet> NotFound() =>
        GameResult<CharacterSheet>.Failure(GameErrorCode.CharacterNotFound, $"no character has the id {Id}");

    private static GameResult<CharacterSheet> Refused(GameError why) => new(null, why);
}
