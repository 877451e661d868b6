using System.Diagnostics.CodeAnalysis;
using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Inventory;

/// <summary>
/// The rules of a character's bag, applied to the lists stored with the character: slots 0..capacity-1, each holding
/// one stack of one item, up to the item's MaxStack. Items added fill stacks of the same item first, then empty slots
/// from the lowest. What does not fit is not lost: it waits in the overflow and moves into the bag as soon as there is
/// room. A refused change changes nothing.
/// </summary>
public sealed class Bag
{
    private readonly List<BagSlot> slots;
    private readonly List<OverflowItem> overflow;
    private readonly IReadOnlyDictionary<string, ItemDefinition> items;

    /// <param name="slots">The occupied slots (kept ordered by slot).</param>
    /// <param name="overflow">Items waiting for room, oldest first.</param>
    /// <param name="capacity">The number of slots.</param>
    /// <param name="items">Item definitions by id; an item missing from them stacks by 1.</param>
    public Bag(List<BagSlot> slots, List<OverflowItem> overflow, int capacity, IReadOnlyDictionary<string, ItemDefinition> items)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(overflow);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        (this.slots, this.overflow, this.items, Capacity) = (slots, overflow, items, capacity);
    }

    public int Capacity { get; }

    /// <summary>The occupied slots, ordered by slot.</summary>
    public IReadOnlyList<BagSlot> Slots => slots;

    /// <summary>Items waiting for room in the bag, oldest first.</summary>
    public IReadOnlyList<OverflowItem> Overflow => overflow;

    public int FreeSlots => Math.Max(Capacity - slots.Count, 0);

    public int MaxStackOf(string itemId) => items.TryGetValue(itemId, out var item) ? Math.Max(item.MaxStack, 1) : 1;

    /// <summary>The item's display name (its id when content no longer has it).</summary>
    public string NameOf(string itemId) => items.TryGetValue(itemId, out var item) ? item.Name : itemId;

    /// <summary>Adds items; returns how many of them did not fit and went to the overflow.</summary>
    public int Add(string itemId, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        if (count <= 0)
        {
            return 0;
        }

        var left = AddToSlots(itemId, count);
        if (left > 0)
        {
            var waiting = overflow.Find(o => o.ItemId == itemId);
            if (waiting is null)
            {
                overflow.Add(new OverflowItem { ItemId = itemId, Count = left });
            }
            else
            {
                waiting.Count = SaturatingAdd(waiting.Count, left);
            }
        }

        return left;
    }

    /// <summary>True when <paramref name="count"/> of the item fit into the bag's stacks and free slots.</summary>
    public bool HasRoomFor(string itemId, int count)
    {
        var maxStack = MaxStackOf(itemId);
        long room = (long)FreeSlots * maxStack;
        foreach (var held in slots.Where(s => s.ItemId == itemId))
        {
            room += Math.Max(maxStack - held.Count, 0);
        }

        return room >= count;
    }

    /// <summary>The stack in <paramref name="slot"/>; false, saying why, when the slot does not exist or is empty.</summary>
    public bool TryFind(int slot, [NotNullWhen(true)] out BagSlot? held, [NotNullWhen(false)] out GameError? why)
    {
        held = null;
        if (slot < 0 || slot >= Capacity)
        {
            why = new GameError(GameErrorCode.InvalidArgument, $"bag slot {slot} does not exist; slots are 0..{Capacity - 1}");
            return false;
        }

        held = slots.Find(s => s.Slot == slot);
        why = held is null ? new GameError(GameErrorCode.NotFound, $"bag slot {slot} is empty") : null;
        return held is not null;
    }

    /// <summary>Destroys <paramref name="count"/> of the stack in <paramref name="slot"/>; returns why not, or null.</summary>
    public GameError? Remove(int slot, int count)
    {
        if (!TryFind(slot, out var held, out var why))
        {
            return why;
        }

        if (count < 1 || count > held.Count)
        {
            return new GameError(
                GameErrorCode.InvalidArgument,
                $"cannot discard {count} from bag slot {slot}: it holds {held.Count} {NameOf(held.ItemId)}; discard 1..{held.Count}");
        }

        Take(held, count);
        return null;
    }

    /// <summary>The consumable in <paramref name="slot"/> that has an effect when used; false, saying why, otherwise.</summary>
    public bool TryFindUsable(int slot, [NotNullWhen(true)] out ItemDefinition? item, [NotNullWhen(false)] out GameError? why)
    {
        item = null;
        if (!TryFind(slot, out var held, out why))
        {
            return false;
        }

        if (!items.TryGetValue(held.ItemId, out item))
        {
            why = NoLongerInTheGame(held);
            return false;
        }

        why = item.Kind != ItemKinds.Consumable
            ? new GameError(GameErrorCode.InventoryRule, $"{item.Name} in bag slot {slot} is not a consumable ({item.Kind}); only consumables can be used")
            : item.Heal <= 0
                ? new GameError(GameErrorCode.InventoryRule, $"{item.Name} has no effect when used")
                : null;
        return why is null;
    }

    /// <summary>
    /// Puts the bag in order: stacks outside the slots (after the capacity shrank), empty or oversized stacks and
    /// repeated slots move to the overflow; then the overflow moves into whatever room there is. True if anything moved.
    /// </summary>
    public bool Settle()
    {
        var changed = false;
        var seen = new HashSet<int>();
        foreach (var held in slots.ToList())
        {
            var keep = held.Slot >= 0 && held.Slot < Capacity && held.ItemId.Length > 0 && held.Count > 0 && seen.Add(held.Slot);
            var excess = keep ? held.Count - MaxStackOf(held.ItemId) : held.Count;
            if (keep && excess <= 0)
            {
                continue;
            }

            changed = true;
            if (keep)
            {
                held.Count -= excess;
            }
            else
            {
                slots.Remove(held);
            }

            if (held.ItemId.Length > 0 && excess > 0)
            {
                overflow.Add(new OverflowItem { ItemId = held.ItemId, Count = excess });
            }
        }

        slots.Sort((a, b) => a.Slot.CompareTo(b.Slot));
        foreach (var waiting in overflow.ToList())
        {
            var left = waiting.Count > 0 && waiting.ItemId.Length > 0 ? AddToSlots(waiting.ItemId, waiting.Count) : 0;
            if (left > 0 && left == waiting.Count)
            {
                continue;
            }

            changed = true;
            waiting.Count = left;
            if (left == 0)
            {
                overflow.Remove(waiting);
            }
        }

        return changed;
    }

    internal static GameError NoLongerInTheGame(BagSlot held) =>
        new(GameErrorCode.InventoryRule, $"'{held.ItemId}' in bag slot {held.Slot} is no longer an item of the game; it can only be discarded");

    /// <summary>Takes items from a stack found by <see cref="TryFind"/> (emptying the slot at 0); the overflow moves in.</summary>
    internal void Take(BagSlot held, int count)
    {
        held.Count -= count;
        if (held.Count <= 0)
        {
            slots.Remove(held);
            Settle();
        }
    }

    private int AddToSlots(string itemId, int count)
    {
        var maxStack = MaxStackOf(itemId);
        foreach (var held in slots.Where(s => s.ItemId == itemId && s.Count < maxStack))
        {
            var put = Math.Min(maxStack - held.Count, count);
            held.Count += put;
            count -= put;
            if (count == 0)
            {
                return 0;
            }
        }

        var used = slots.Select(s => s.Slot).ToHashSet();
        for (var slot = 0; slot < Capacity && count > 0; slot++)
        {
            if (used.Contains(slot))
            {
                continue;
            }

            var put = Math.Min(maxStack, count);
            var after = slots.FindIndex(s => s.Slot > slot);
            slots.Insert(after < 0 ? slots.Count : after, new BagSlot { Slot = slot, ItemId = itemId, Count = put });
            count -= put;
        }

        return count;
    }

    private static int SaturatingAdd(int a, int b) => a > int.MaxValue - b ? int.MaxValue : a + b;
}
