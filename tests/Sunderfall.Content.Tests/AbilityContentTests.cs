using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class AbilityContentTests
{
    [Fact]
    public void Load_WhenAnAbilityTargetIsUnknown_ListsTheTargetsAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("abilities/basic.json", 0, nibble => nibble["target"] = "foe");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("abilities/basic.json: [0] (nibble).target: 'foe' is not an ability target; allowed: enemy, self, ally", error);
    }

    [Fact]
    public void Load_WhenACooldownIsNegative_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("abilities/basic.json", 0, nibble => nibble["cooldownSeconds"] = -0.5);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("abilities/basic.json: [0] (nibble).cooldownSeconds: -0.5 is out of range; allowed 0..3600", error);
    }

    [Fact]
    public void Load_WhenTheRangeIsNotPositive_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("abilities/basic.json", 0, nibble => nibble["range"] = 0);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("abilities/basic.json: [0] (nibble).range: 0 is out of range; allowed 0.1..200", error);
    }
}
