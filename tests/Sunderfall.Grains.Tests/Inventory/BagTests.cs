using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Inventory;
using Xunit;

namespace Sunderfall.Grains.Tests.Inventory;

public sealed class BagTests
{
    private readonly List<BagSlot> slots = [];
    private readonly List<OverflowItem> overflow = [];

    [Fact]
    public void Add_MoreThanAStack_FillsAStackToItsMaxThenTheNextEmptySlot()
    {
        var bag = NewBag(24);

        var overflowed = bag.Add("pelt", 25);

        Assert.Equal(0, overflowed);
        Assert.Equal([(0, "pelt", 20), (1, "pelt", 5)], Contents());
    }

    [Fact]
    public void Add_WhenAStackOfTheItemHasRoom_TopsItUpBeforeTakingAnEmptySlot()
    {
        var bag = NewBag(24);
        bag.Add("pelt", 5);
        bag.Add("potion", 1);

        bag.Add("pelt", 10);

        Assert.Equal([(0, "pelt", 15), (1, "potion", 1)], Contents());
    }

    [Fact]
    public void Add_TakesTheLowestEmptySlot()
    {
        var bag = NewBag(24);
        bag.Add("sword", 1);
        bag.Add("cap", 1);
        bag.Add("axe", 1);
        bag.Remove(1, 1);

        bag.Add("potion", 2);

        Assert.Equal([(0, "sword", 1), (1, "potion", 2), (2, "axe", 1)], Contents());
    }

    [Fact]
    public void Add_WhenTheBagIsFull_KeepsWhatDoesNotFitInTheOverflowAndSaysHowMany()
    {
        var bag = NewBag(2);

        var overflowed = bag.Add("sword", 3) + bag.Add("pelt", 4);

        Assert.Equal(5, overflowed);
        Assert.Equal([(0, "sword", 1), (1, "sword", 1)], Contents());
        Assert.Equal([("sword", 1), ("pelt", 4)], overflow.Select(o => (o.ItemId, o.Count)));
    }

    [Fact]
    public void Remove_WhenItFreesASlot_MovesTheOverflowIntoIt()
    {
        var bag = NewBag(2);
        bag.Add("sword", 2);
        bag.Add("pelt", 4);

        var refused = bag.Remove(0, 1);

        Assert.Null(refused);
        Assert.Equal([(0, "pelt", 4), (1, "sword", 1)], Contents());
        Assert.Empty(overflow);
    }

    [Fact]
    public void Remove_PartOfAStack_LeavesTheRestInTheSlot()
    {
        var bag = NewBag(24);
        bag.Add("pelt", 7);

        var refused = bag.Remove(0, 3);

        Assert.Null(refused);
        Assert.Equal([(0, "pelt", 4)], Contents());
    }

    [Theory]
    [InlineData(24)]
    [InlineData(31)]
    [InlineData(-1)]
    public void Remove_FromASlotOutsideTheBag_SaysWhichSlotsExist(int slot)
    {
        var bag = NewBag(24);

        var refused = bag.Remove(slot, 1);

        Assert.Equal(new GameError(GameErrorCode.InvalidArgument, $"bag slot {slot} does not exist; slots are 0..23"), refused);
    }

    [Fact]
    public void Remove_FromAnEmptySlot_IsNotFound()
    {
        var bag = NewBag(24);

        var refused = bag.Remove(3, 1);

        Assert.Equal(new GameError(GameErrorCode.NotFound, "bag slot 3 is empty"), refused);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-2)]
    public void Remove_NoneOrMoreThanTheSlotHolds_IsRefusedSayingHowManyMayGoAndChangesNothing(int count)
    {
        var bag = NewBag(24);
        bag.Add("pelt", 2);

        var refused = bag.Remove(0, count);

        Assert.Equal(
            new GameError(GameErrorCode.InvalidArgument, $"cannot discard {count} from bag slot 0: it holds 2 Pelt; discard 1..2"), refused);
        Assert.Equal([(0, "pelt", 2)], Contents());
    }

    [Fact]
    public void HasRoomFor_CountsRoomLeftInStacksOfTheItemAndInEmptySlots()
    {
        var bag = NewBag(2);
        bag.Add("pelt", 15);
        bag.Add("sword", 1);

        Assert.True(bag.HasRoomFor("pelt", 5));
        Assert.False(bag.HasRoomFor("pelt", 6));
        Assert.False(bag.HasRoomFor("potion", 1));
    }

    [Fact]
    public void TryFindUsable_OnAConsumableThatHeals_FindsIt()
    {
        var bag = NewBag(24);
        bag.Add("potion", 3);

        Assert.True(bag.TryFindUsable(0, out var item, out _));
        Assert.Equal("potion", item.Id);
    }

    [Fact]
    public void TryFindUsable_OnAMaterial_SaysOnlyConsumablesCanBeUsed()
    {
        var bag = NewBag(24);
        bag.Add("pelt", 1);

        Assert.False(bag.TryFindUsable(0, out _, out var why));
        Assert.Equal(new GameError(GameErrorCode.InventoryRule, "Pelt in bag slot 0 is not a consumable (material); only consumables can be used"), why);
    }

    [Fact]
    public void TryFindUsable_OnAConsumableWithNoEffect_SaysSo()
    {
        var bag = NewBag(24);
        bag.Add("pebble", 1);

        Assert.False(bag.TryFindUsable(0, out _, out var why));
        Assert.Equal(new GameError(GameErrorCode.InventoryRule, "Pebble has no effect when used"), why);
    }

    [Fact]
    public void Settle_WhenTheBagShrank_MovesStacksBeyondItToTheOverflowAndBackInWhereThereIsRoom()
    {
        slots.AddRange([
            new BagSlot { Slot = 0, ItemId = "sword", Count = 1 },
            new BagSlot { Slot = 5, ItemId = "cap", Count = 1 },
            new BagSlot { Slot = 9, ItemId = "axe", Count = 1 },
        ]);
        var bag = NewBag(3);

        var changed = bag.Settle();

        Assert.True(changed);
        Assert.Equal([(0, "sword", 1), (1, "cap", 1), (2, "axe", 1)], Contents());
        Assert.Empty(overflow);
        Assert.False(bag.Settle());
    }

    [Fact]
    public void Settle_WhenAStackIsLargerThanTheItemNowAllows_KeepsTheExcessInTheOverflow()
    {
        slots.Add(new BagSlot { Slot = 0, ItemId = "pelt", Count = 25 });
        var bag = NewBag(1);

        bag.Settle();

        Assert.Equal([(0, "pelt", 20)], Contents());
        Assert.Equal([("pelt", 5)], overflow.Select(o => (o.ItemId, o.Count)));
    }

    private Bag NewBag(int capacity) => new(slots, overflow, capacity, TestItems.All);

    private List<(int Slot, string ItemId, int Count)> Contents() => [.. slots.Select(s => (s.Slot, s.ItemId, s.Count))];
}
