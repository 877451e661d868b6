using Sunderfall.Content.Definitions;
using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class ContentLoaderTests
{
    [Fact]
    public void Load_WithTheRepositoryContent_ReportsNoErrors()
    {
        var directory = Path.Combine(RepositoryRoot.Path, "content");

        var exception = Record.Exception(() => ContentLoader.Load(directory));

        Assert.Null(exception);
    }

    [Fact]
    public void Load_WithTheRepositoryContent_LinksAshenValeAndMirefenWithAPortalEachWay()
    {
        var catalog = ContentLoader.Load(Path.Combine(RepositoryRoot.Path, "content"));

        Assert.Equal(["ashen-vale", "mirefen"], catalog.Zones.Keys.Order(StringComparer.Ordinal));
        var toMirefen = Assert.Single(catalog.Zones["ashen-vale"].Portals);
        var toAshenVale = Assert.Single(catalog.Zones["mirefen"].Portals);
        Assert.Equal(("to-mirefen", "mirefen"), (toMirefen.Id, toMirefen.TargetZone));
        Assert.Equal(("to-ashen-vale", "ashen-vale"), (toAshenVale.Id, toAshenVale.TargetZone));
    }

    [Fact]
    public void Load_WithTheRepositoryContent_StartsPlayersInTheMiddleOfAshenValeOnFloor()
    {
        var ashenVale = ContentLoader.Load(Path.Combine(RepositoryRoot.Path, "content")).Zones["ashen-vale"];

        Assert.Equal((1000f, 1000f), (ashenVale.Width, ashenVale.Height));
        Assert.Equal(new PointDefinition(500, 500), ashenVale.Spawn);
        Assert.True(ZoneMap.IsFloor(ashenVale, ashenVale.Spawn.X, ashenVale.Spawn.Y));
    }

    [Fact]
    public void Load_WhenNothingIsWrong_ReturnsEveryDefinitionById()
    {
        using var tree = ContentTree.CreateValid();

        var catalog = ContentLoader.Load(tree.Root);

        Assert.Equal(["cellar", "meadow"], catalog.Zones.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Rat", catalog.Monsters["rat"].Name);
        Assert.Equal(2, catalog.Abilities["nibble"].Damage);
        Assert.Equal(1, catalog.Items["cap"].Stats["armor"]);
    }

    [Fact]
    public void Load_WhenTheDirectoryDoesNotExist_NamesTheDirectory()
    {
        var missing = Path.Combine(Path.GetTempPath(), "sunderfall-content-tests", "no-such-folder");

        var exception = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(missing));

        var error = Assert.Single(exception.Errors);
        Assert.StartsWith($"{missing}: the content directory does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenTheZonesFolderIsMissing_SaysAZoneIsRequired()
    {
        using var tree = ContentTree.CreateValid();
        tree.Delete("zones");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/: the folder is missing; at least one zone file zones/{id}.json is required", error);
    }

    [Fact]
    public void Load_WhenTheZonesFolderHoldsNoZoneFiles_SaysAZoneIsRequired()
    {
        using var tree = ContentTree.CreateValid();
        tree.Delete("zones/meadow.json");
        tree.Delete("zones/cellar.json");
        tree.Write("zones/README.md", "Zones go here.");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/: holds no zone files; at least one zone file zones/{id}.json is required", error);
    }

    [Fact]
    public void Load_WhenAFileIsNotValidJson_NamesTheFileTheLineAndThePosition()
    {
        using var tree = ContentTree.CreateValid();
        tree.Write("monsters/vermin.json", "[\n  { \"id\": \"rat\", \"name\": \"Rat\" }\n  { \"id\": \"mouse\" }\n]");

        var errors = tree.LoadErrors();

        Assert.Equal(
            "monsters/vermin.json: invalid JSON at line 3, position 3: "
                + "'{' is invalid after a value. Expected either ',', '}', or ']'.",
            errors[0]);
    }

    [Fact]
    public void Load_WhenSeveralThingsAreWrong_ReportsEveryOneAtOnceOnePerLine()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditEntry("monsters/vermin.json", 0, rat =>
        {
            rat["speed"] = -1;
            rat["maxHealth"] = 0;
        });
        tree.EditEntry("items/loot.json", 1, cap => cap["slot"] = "hat");
        tree.EditZone("meadow", meadow => meadow["portals"]![0]!["targetZone"] = "nowhere");
        tree.Write("abilities/broken.json", "[ { \"id\": \"zap\", ");

        var exception = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(tree.Root));

        string[] expected =
        [
            "abilities/broken.json: invalid JSON at line 1, position 18: "
                + "Expected start of a property name or value, but instead reached end of data.",
            "items/loot.json: [1] (cap).slot: 'hat' is not an equipment slot; allowed: weapon, head, chest, legs, feet, hands, ring",
            "monsters/vermin.json: [0] (rat).maxHealth: 0 is out of range; allowed 1..1000000",
            "monsters/vermin.json: [0] (rat).speed: -1 is out of range; allowed 0.1..50",
            "zones/meadow.json: portals[0] (to-cellar).targetZone: 'nowhere' is not a zone; known zones: cellar, meadow",
        ];
        Assert.Equal(expected, exception.Errors);
        Assert.Equal(string.Join(Environment.NewLine, expected), exception.Message);
    }

    [Fact]
    public void Load_WhenANewMonsterFileAndAZoneUsingItAreAdded_LoadsThemWithoutACodeChange()
    {
        using var tree = ContentTree.CreateValid();
        tree.Write("monsters/undead.json", """
            // Comments and trailing commas are fine.
            [
              { "id": "skeleton", "name": "Skeleton", "maxHealth": 40, "abilities": ["nibble"], },
            ]
            """);
        tree.Write("zones/crypt.json", """
            {
              "id": "crypt",
              "name": "Crypt",
              "spawn": { "x": 15, "y": 15 },
              "spawnPoints": [ { "monster": "skeleton", "x": 35, "y": 15, "count": 3 } ],
              "tiles": [ "#####", "#...#", "#####" ],
            }
            """);

        var catalog = ContentLoader.Load(tree.Root);

        Assert.Equal("Skeleton", catalog.Monsters["skeleton"].Name);
        var spawnPoint = Assert.Single(catalog.Zones["crypt"].SpawnPoints);
        Assert.Equal(("skeleton", 3), (spawnPoint.Monster, spawnPoint.Count));
    }
}
