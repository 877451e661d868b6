using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class IdentityTests
{
    [Fact]
    public void Load_WhenTwoFilesDefineTheSameMonster_NamesBothFiles()
    {
        using var tree = ContentTree.CreateValid();
        tree.Write("monsters/more-vermin.json", """[ { "id": "rat", "name": "Another Rat" } ]""");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "monsters/vermin.json: [0] (rat).id: 'rat' is already defined in monsters/more-vermin.json [0] (rat); "
                + "ids must be unique across all monsters files",
            error);
    }

    [Fact]
    public void Load_WhenOneFileDefinesAnItemTwice_NamesBothEntries()
    {
        using var tree = ContentTree.CreateValid();
        tree.Write("items/loot.json", """
            [
              { "id": "rat-tail", "name": "Rat Tail", "kind": "material" },
              { "id": "rat-tail", "name": "Rat Tail Again", "kind": "material" }
            ]
            """);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "items/loot.json: [1] (rat-tail).id: 'rat-tail' is already defined in items/loot.json [0] (rat-tail); "
                + "ids must be unique across all items files",
            error);
    }

    [Theory]
    [InlineData("Rat")]
    [InlineData("rat_king")]
    [InlineData("")]
    [InlineData("a-very-long-rat-name-beyond-the-limit")]
    public void Load_WhenAnIdIsNotLowercaseLettersDigitsAndDashes_SaysWhatIsAllowed(string id)
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("abilities/basic.json", 0, nibble => nibble["id"] = id);
        tree.EditEntry("monsters/vermin.json", 0, rat => rat["abilities"] = new System.Text.Json.Nodes.JsonArray(id));

        var error = Assert.Single(tree.LoadErrors());

        var entry = id.Length == 0 ? "[0]" : $"[0] ({id})";
        Assert.Equal(
            $"abilities/basic.json: {entry}.id: '{id}' is not a valid id; allowed 1-32 characters from a-z, 0-9 and '-'",
            error);
    }

    [Fact]
    public void Load_WhenAZoneFileIsNotNamedAfterItsId_NamesTheFileAndTheIdItMustHave()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("cellar", cellar => cellar["id"] = "basement");
        tree.EditZone("meadow", meadow => meadow["portals"]![0]!["targetZone"] = "basement");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "zones/cellar.json: id: 'basement' does not match the file name; a zone's id must equal its file name ('cellar')",
            error);
    }
}
