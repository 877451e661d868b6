using System.Text.Json.Nodes;
using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class ItemContentTests
{
    [Fact]
    public void Load_WhenAnItemKindIsUnknown_ListsTheKindsAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("items/loot.json", 0, tail => tail["kind"] = "junk");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("items/loot.json: [0] (rat-tail).kind: 'junk' is not an item kind; allowed: equipment, consumable, material", error);
    }

    [Fact]
    public void Load_WhenEquipmentHasNoSlot_ListsTheSlotsAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("items/loot.json", 1, cap => cap.Remove("slot"));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "items/loot.json: [1] (cap).slot: is missing; equipment needs a slot; allowed: weapon, head, chest, legs, feet, hands, ring",
            error);
    }

    [Fact]
    public void Load_WhenEquipmentHasAnUnknownSlot_ListsTheSlotsAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("items/loot.json", 1, cap => cap["slot"] = "tail");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "items/loot.json: [1] (cap).slot: 'tail' is not an equipment slot; allowed: weapon, head, chest, legs, feet, hands, ring",
            error);
    }

    [Fact]
    public void Load_WhenAnItemThatIsNotEquipmentHasASlot_SaysOnlyEquipmentHasOne()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("items/loot.json", 0, tail => tail["slot"] = "head");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "items/loot.json: [0] (rat-tail).slot: 'head' is set, but only equipment has a slot; leave it out for material items",
            error);
    }

    [Fact]
    public void Load_WhenAStatIsUnknown_ListsTheStatsAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("items/loot.json", 1, cap => cap["stats"] = new JsonObject { ["armor"] = 1, ["luck"] = 3 });

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "items/loot.json: [1] (cap).stats.luck: 'luck' is not a stat; allowed: strength, agility, intellect, stamina, armor",
            error);
    }

    [Fact]
    public void Load_WhenMaxStackIsBelowOne_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("items/loot.json", 0, tail => tail["maxStack"] = 0);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("items/loot.json: [0] (rat-tail).maxStack: 0 is out of range; allowed 1..9999", error);
    }
}
