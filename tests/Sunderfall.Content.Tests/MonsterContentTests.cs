using System.Text.Json.Nodes;
using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class MonsterContentTests
{
    [Fact]
    public void Load_WhenASpeedIsOutOfRange_NamesTheMonsterAndTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["speed"] = -1);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).speed: -1 is out of range; allowed 0.1..50", error);
    }

    [Fact]
    public void Load_WhenMaxHealthIsNotPositive_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["maxHealth"] = 0);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).maxHealth: 0 is out of range; allowed 1..1000000", error);
    }

    [Theory]
    [InlineData("aggroRadius")]
    [InlineData("wanderRadius")]
    public void Load_WhenARadiusIsNegative_NamesTheRadiusAndTheRangeAllowed(string field)
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat[field] = -2);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal($"monsters/vermin.json: [0] (rat).{field}: -2 is out of range; allowed 0..200", error);
    }

    [Fact]
    public void Load_WhenTheLeashIsShorterThanTheAggroRadius_SaysItMustBeAtLeastTheAggroRadius()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat =>
        {
            rat["aggroRadius"] = 20;
            rat["leashRadius"] = 15;
        });

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "monsters/vermin.json: [0] (rat).leashRadius: 15 is out of range; allowed 20..1000 (at least aggroRadius)", error);
    }

    [Fact]
    public void Load_WhenAMonsterUsesAnUnknownAbility_NamesTheAbilityAndListsTheAbilitiesKnown()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["abilities"] = new JsonArray("nibble", "howl"));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).abilities[1]: 'howl' is not an ability; known abilities: nibble", error);
    }
}
