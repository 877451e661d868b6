using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class FieldShapeTests
{
    [Fact]
    public void Load_WhenARequiredFieldIsMissing_NamesTheFileTheEntryAndTheField()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat.Remove("name"));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).name: is missing; it is required (a string)", error);
    }

    [Fact]
    public void Load_WhenARequiredFieldOfAZoneIsMissing_NamesTheZoneFileAndTheField()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow.Remove("spawn"));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: spawn: is missing; it is required (an object)", error);
    }

    [Fact]
    public void Load_WhenACoordinateOfAPointIsMissing_NamesThePointAndTheCoordinate()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawn"]!.AsObject().Remove("y"));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: spawn.y: is missing; it is required (a number)", error);
    }

    [Fact]
    public void Load_WhenAFieldNameIsMisspelled_NamesItAndListsTheFieldsAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["maxHelth"] = 10);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "monsters/vermin.json: [0] (rat).maxHelth: is not a known field; allowed: id, name, level, maxHealth, speed, "
                + "aggroRadius, leashRadius, wanderRadius, abilities, experienceReward, goldMin, goldMax, loot",
            error);
    }

    [Fact]
    public void Load_WhenAFieldHoldsTheWrongKindOfValue_SaysWhatWasExpectedAndWhatWasFound()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["speed"] = "fast");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("monsters/vermin.json: [0] (rat).speed: expected a number; found a string (\"fast\")", error);
    }

    [Fact]
    public void Load_WhenAWholeNumberFieldHoldsAFraction_SaysItIsNotAWholeNumber()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawnPoints"]![0]!["count"] = 1.5);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: spawnPoints[0] (rat).count: 1.5 is not a whole number", error);
    }

    [Fact]
    public void Load_WhenAFieldIsNull_SaysWhatWasExpected()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("items/loot.json", 0, tail => tail["kind"] = null);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("items/loot.json: [0] (rat-tail).kind: is null; expected a string", error);
    }

    [Fact]
    public void Load_WhenAListFileDoesNotHoldAnArray_SaysAnArrayIsExpected()
    {
        using var tree = ContentTree.CreateValid();
        tree.Write("abilities/basic.json", """{ "id": "nibble", "name": "Nibble" }""");

        var errors = tree.LoadErrors();

        Assert.Equal("abilities/basic.json: the file must hold a JSON array of abilities; found an object", errors[0]);
    }

    [Fact]
    public void Load_WhenOneEntryIsBroken_StillChecksTheOthersInTheSameFile()
    {
        using var tree = ContentTree.CreateValid();
        tree.Write("items/loot.json", """
            [
              { "id": "rat-tail", "name": "Rat Tail", "kind": "material", "maxStack": "many" },
              { "id": "cap", "name": "Cap", "kind": "equipment", "slot": "hat" }
            ]
            """);

        var errors = tree.LoadErrors();

        Assert.Equal(
            [
                "items/loot.json: [0] (rat-tail).maxStack: expected a whole number; found a string (\"many\")",
                "items/loot.json: [1] (cap).slot: 'hat' is not an equipment slot; allowed: weapon, head, chest, legs, feet, hands, ring",
            ],
            errors);
    }
}
