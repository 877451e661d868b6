using System.Text.Json.Nodes;
using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class LootContentTests
{
    [Fact]
    public void Load_WithGoldAndALootTable_ServesThemOnTheMonster()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat =>
        {
            rat["goldMin"] = 1;
            rat["goldMax"] = 3;
            rat["loot"] = new JsonArray(Line("rat-tail", 0.5, 1, 2));
        });

        var rat = ContentLoader.Load(tree.Root).Monsters["rat"];

        Assert.Equal((1, 3), (rat.GoldMin, rat.GoldMax));
        var line = Assert.Single(rat.Loot);
        Assert.Equal(("rat-tail", 0.5f, 1, 2), (line.Item, line.Chance, line.Min, line.Max));
    }

    [Fact]
    public void Load_TheRepositoryContent_DropsOnlyItemsThatExist()
    {
        var catalog = ContentLoader.Load(Path.Combine(RepositoryRoot.Path, "content"));

        var drops = catalog.Monsters.Values.SelectMany(m => m.Loot).ToList();

        Assert.NotEmpty(drops);
        Assert.All(drops, line => Assert.True(catalog.Items.ContainsKey(line.Item), line.Item));
    }

    [Fact]
    public void Load_WhenALootLineNamesAnUnknownItem_NamesTheItemAndListsTheItemsKnown()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["loot"] = new JsonArray(Line("rat-tail"), Line("gold-tooth")));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).loot[1] (gold-tooth).item: 'gold-tooth' is not an item; known items: cap, rat-tail", error);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(1.5, "1.5")]
    public void Load_WhenAChanceIsNotAProbability_SaysItMustBeAboveZeroAndAtMostOne(double chance, string shown)
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["loot"] = new JsonArray(Line("rat-tail", chance)));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal($"monsters/vermin.json: [0] (rat).loot[0] (rat-tail).chance: {shown} is out of range; allowed above 0 and at most 1", error);
    }

    [Fact]
    public void Load_WhenALootLineDropsNone_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["loot"] = new JsonArray(Line("rat-tail", 1, 0, 1)));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).loot[0] (rat-tail).min: 0 is out of range; allowed 1..9999", error);
    }

    [Fact]
    public void Load_WhenALootLinesMaxIsBelowItsMin_SaysItMustBeAtLeastTheMin()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["loot"] = new JsonArray(Line("rat-tail", 1, 3, 2)));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).loot[0] (rat-tail).max: 2 is out of range; allowed 3..9999", error);
    }

    [Fact]
    public void Load_WhenGoldMaxIsBelowGoldMin_SaysItMustBeAtLeastGoldMin()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat =>
        {
            rat["goldMin"] = 5;
            rat["goldMax"] = 2;
        });

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).goldMax: 2 is out of range; allowed 5..1000000", error);
    }

    [Fact]
    public void Load_WhenGoldMinIsNegative_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["goldMin"] = -1);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).goldMin: -1 is out of range; allowed 0..1000000", error);
    }

    private static JsonObject Line(string item, double chance = 1, int min = 1, int max = 1) =>
        new() { ["item"] = item, ["chance"] = chance, ["min"] = min, ["max"] = max };
}
