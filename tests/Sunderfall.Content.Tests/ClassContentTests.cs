using System.Text.Json.Nodes;
using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class ClassContentTests
{
    // A valid class for the small content tree, which knows one ability (nibble).
    private const string Warrior = """
        [
          {
            "id": "warrior", "name": "Warrior",
            "baseHealth": 100, "healthPerStamina": 6, "baseResource": 50, "resourcePerIntellect": 1, "resourceRegen": 5,
            "stats": { "strength": 12, "stamina": 12, "armor": 6 },
            "statsPerLevel": { "strength": 2, "stamina": 2 },
            "powerStat": "strength",
            "abilities": [ "nibble" ]
          }
        ]
        """;

    [Fact]
    public void Load_WithAValidClass_ServesItByItsId()
    {
        using var tree = TreeWithWarrior();

        var warrior = ContentLoader.Load(tree.Root).Classes["warrior"];

        Assert.Equal(("Warrior", 100, 6, "strength"), (warrior.Name, warrior.BaseHealth, warrior.HealthPerStamina, warrior.PowerStat));
        Assert.Equal(12, warrior.Stats["stamina"]);
        Assert.Equal(2, warrior.StatsPerLevel["strength"]);
        Assert.Equal(["nibble"], warrior.Abilities);
    }

    [Fact]
    public void Load_TheRepositoryContent_DefinesEveryPlayableClassWithAbilitiesThatExist()
    {
        var catalog = ContentLoader.Load(Path.Combine(RepositoryRoot.Path, "content"));

        Assert.Equal(["cleric", "mage", "ranger", "warrior"], catalog.Classes.Keys.Order(StringComparer.Ordinal));
        Assert.All(catalog.Classes.Values, c => Assert.All(c.Abilities, a => Assert.True(catalog.Abilities.ContainsKey(a), $"{c.Id}: {a}")));
    }

    [Fact]
    public void Load_WhenAClassIdIsNotAPlayableClass_ListsTheClassesAllowed()
    {
        using var tree = TreeWithWarrior();
        tree.EditEntry("classes/classes.json", 0, warrior => warrior["id"] = "bard");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("classes/classes.json: [0] (bard).id: 'bard' is not a playable class; allowed: warrior, ranger, mage, cleric", error);
    }

    [Fact]
    public void Load_WhenAClassIsDefinedTwice_NamesWhereItWasFirstDefined()
    {
        using var tree = TreeWithWarrior();
        tree.Write("classes/more.json", Warrior);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "classes/more.json: [0] (warrior).id: 'warrior' is already defined in classes/classes.json [0] (warrior); ids must be unique across all classes files",
            error);
    }

    [Fact]
    public void Load_WhenAStatIsUnknown_ListsTheStatsAllowed()
    {
        using var tree = TreeWithWarrior();
        tree.EditEntry("classes/classes.json", 0, warrior => warrior["stats"] = new JsonObject { ["strength"] = 12, ["luck"] = 3 });

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "classes/classes.json: [0] (warrior).stats.luck: 'luck' is not a stat; allowed: strength, agility, intellect, stamina, armor",
            error);
    }

    [Fact]
    public void Load_WhenALevelTakesAStatAway_SaysTheRangeAllowed()
    {
        using var tree = TreeWithWarrior();
        tree.EditEntry("classes/classes.json", 0, warrior => warrior["statsPerLevel"] = new JsonObject { ["agility"] = -1 });

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("classes/classes.json: [0] (warrior).statsPerLevel.agility: -1 is out of range; allowed 0..1000", error);
    }

    [Fact]
    public void Load_WhenThePowerStatIsNotStrengthAgilityOrIntellect_ListsThePowerStatsAllowed()
    {
        using var tree = TreeWithWarrior();
        tree.EditEntry("classes/classes.json", 0, warrior => warrior["powerStat"] = "armor");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("classes/classes.json: [0] (warrior).powerStat: 'armor' is not a power stat; allowed: strength, agility, intellect", error);
    }

    [Fact]
    public void Load_WhenBaseHealthIsNotPositive_SaysTheRangeAllowed()
    {
        using var tree = TreeWithWarrior();
        tree.EditEntry("classes/classes.json", 0, warrior => warrior["baseHealth"] = 0);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("classes/classes.json: [0] (warrior).baseHealth: 0 is out of range; allowed 1..100000", error);
    }

    [Fact]
    public void Load_WhenAClassUsesAnUnknownAbility_NamesTheAbilityAndListsTheAbilitiesKnown()
    {
        using var tree = TreeWithWarrior();
        tree.EditEntry("classes/classes.json", 0, warrior => warrior["abilities"] = new JsonArray("nibble", "shout"));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("classes/classes.json: [0] (warrior).abilities[1]: 'shout' is not an ability; known abilities: nibble", error);
    }

    [Fact]
    public void Load_WhenAClassHasNoAbilities_SaysItNeedsOne()
    {
        using var tree = TreeWithWarrior();
        tree.EditEntry("classes/classes.json", 0, warrior => warrior["abilities"] = new JsonArray());

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("classes/classes.json: [0] (warrior).abilities: is empty; a class needs at least one ability", error);
    }

    private static ContentTree TreeWithWarrior()
    {
        var tree = ContentTree.CreateValid();
        tree.Write("classes/classes.json", Warrior);
        return tree;
    }
}
