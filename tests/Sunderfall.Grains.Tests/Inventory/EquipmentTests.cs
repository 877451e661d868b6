using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Inventory;
using Xunit;

namespace Sunderfall.Grains.Tests.Inventory;

public sealed class EquipmentTests
{
    private readonly List<BagSlot> slots = [];
    private readonly List<OverflowItem> overflow = [];
    private readonly Dictionary<string, string> worn = [];

    [Fact]
    public void TryEquip_IntoAFreeEquipmentSlot_WearsTheItemAndEmptiesItsBagSlot()
    {
        var (bag, equipment) = Setup(24);
        bag.Add("sword", 1);

        Assert.True(equipment.TryEquip(0, out var change, out _));

        Assert.Equal(new EquipChange("sword", EquipmentSlots.Weapon, null), change);
        Assert.Equal("sword", worn[EquipmentSlots.Weapon]);
        Assert.Empty(slots);
    }

    [Fact]
    public void TryEquip_WhenSomethingIsWornThere_PutsItInTheBagSlotTheNewItemCameFrom()
    {
        var (bag, equipment) = Setup(24);
        bag.Add("pelt", 3);
        bag.Add("axe", 1);
        worn[EquipmentSlots.Weapon] = "sword";

        Assert.True(equipment.TryEquip(1, out var change, out _));

        Assert.Equal(new EquipChange("axe", EquipmentSlots.Weapon, "sword"), change);
        Assert.Equal("axe", worn[EquipmentSlots.Weapon]);
        Assert.Equal([(0, "pelt", 3), (1, "sword", 1)], Contents());
    }

    [Fact]
    public void TryEquip_WhenTheBagSlotEmptiesAndItemsWaitInTheOverflow_MovesThemIn()
    {
        var (bag, equipment) = Setup(1);
        bag.Add("cap", 1);
        bag.Add("pelt", 2);

        Assert.True(equipment.TryEquip(0, out _, out _));

        Assert.Equal([(0, "pelt", 2)], Contents());
        Assert.Empty(overflow);
    }

    [Fact]
    public void TryEquip_AMaterial_IsRefusedSayingOnlyEquipmentCanBeWorn()
    {
        var (bag, equipment) = Setup(24);
        bag.Add("pelt", 2);

        Assert.False(equipment.TryEquip(0, out _, out var why));

        Assert.Equal(new GameError(GameErrorCode.InventoryRule, "Pelt in bag slot 0 is not equipment (material); only equipment can be worn"), why);
        Assert.Empty(worn);
        Assert.Equal([(0, "pelt", 2)], Contents());
    }

    [Fact]
    public void TryEquip_FromASlotOutsideTheBag_SaysWhichSlotsExist()
    {
        var (_, equipment) = Setup(24);

        Assert.False(equipment.TryEquip(31, out _, out var why));

        Assert.Equal(new GameError(GameErrorCode.InvalidArgument, "bag slot 31 does not exist; slots are 0..23"), why);
    }

    [Fact]
    public void TryEquip_OneOfAStackWhenTheBagHasNoRoomForWhatIsWorn_IsRefusedAndChangesNothing()
    {
        var (bag, equipment) = Setup(1);
        bag.Add("ring", 2);
        worn[EquipmentSlots.Ring] = "gold-ring";

        Assert.False(equipment.TryEquip(0, out _, out var why));

        Assert.Equal(
            new GameError(GameErrorCode.InventoryRule, "no room in the bag for Gold Ring, worn in ring: the bag is full (1 of 1 slots); free a bag slot first"),
            why);
        Assert.Equal("gold-ring", worn[EquipmentSlots.Ring]);
        Assert.Equal([(0, "ring", 2)], Contents());
    }

    [Fact]
    public void TryEquip_OneOfAStackWhenThereIsRoom_LeavesTheRestAndPutsWhatWasWornInAnotherSlot()
    {
        var (bag, equipment) = Setup(24);
        bag.Add("ring", 2);
        worn[EquipmentSlots.Ring] = "gold-ring";

        Assert.True(equipment.TryEquip(0, out _, out _));

        Assert.Equal("ring", worn[EquipmentSlots.Ring]);
        Assert.Equal([(0, "ring", 1), (1, "gold-ring", 1)], Contents());
    }

    [Fact]
    public void TryUnequip_PutsTheItemInTheBagAndFreesTheEquipmentSlot()
    {
        var (_, equipment) = Setup(24);
        worn[EquipmentSlots.Head] = "cap";

        Assert.True(equipment.TryUnequip(EquipmentSlots.Head, out var change, out _));

        Assert.Equal(new EquipChange("cap", EquipmentSlots.Head, null), change);
        Assert.Empty(worn);
        Assert.Equal([(0, "cap", 1)], Contents());
    }

    [Fact]
    public void TryUnequip_WhenTheBagIsFull_IsRefusedAndKeepsTheItemWorn()
    {
        var (bag, equipment) = Setup(2);
        bag.Add("pelt", 40);
        worn[EquipmentSlots.Head] = "cap";

        Assert.False(equipment.TryUnequip(EquipmentSlots.Head, out _, out var why));

        Assert.Equal(new GameError(GameErrorCode.InventoryRule, "the bag is full (2 of 2 slots); free a bag slot to take off Cap"), why);
        Assert.Equal("cap", worn[EquipmentSlots.Head]);
    }

    [Fact]
    public void TryUnequip_AnUnknownSlot_ListsTheEquipmentSlots()
    {
        var (_, equipment) = Setup(24);

        Assert.False(equipment.TryUnequip("tail", out _, out var why));

        Assert.Equal(
            new GameError(GameErrorCode.InvalidArgument, "'tail' is not an equipment slot; slots are weapon, head, chest, legs, feet, hands, ring"), why);
    }

    [Fact]
    public void TryUnequip_ASlotWithNothingWorn_IsNotFound()
    {
        var (_, equipment) = Setup(24);

        Assert.False(equipment.TryUnequip(EquipmentSlots.Feet, out _, out var why));

        Assert.Equal(new GameError(GameErrorCode.NotFound, "nothing is worn in feet"), why);
    }

    private (Bag Bag, Equipment Equipment) Setup(int capacity)
    {
        var bag = new Bag(slots, overflow, capacity, TestItems.All);
        return (bag, new Equipment(worn, bag, TestItems.All));
    }

    private List<(int Slot, string ItemId, int Count)> Contents() => [.. slots.Select(s => (s.Slot, s.ItemId, s.Count))];
}
