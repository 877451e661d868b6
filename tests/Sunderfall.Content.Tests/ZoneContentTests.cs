using System.Text.Json.Nodes;
using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class ZoneContentTests
{
    [Fact]
    public void Load_WhenAZoneHasNoTiles_SaysRowsOfFloorAndWallAreNeeded()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("cellar", cellar => cellar["tiles"] = new JsonArray());

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/cellar.json: tiles: is empty; give rows of '.' (floor) and '#' (wall), one string per row", error);
    }

    [Fact]
    public void Load_WhenARowIsNarrowerThanTheFirst_NamesTheRowAndTheWidthItMustHave()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("cellar", cellar => cellar["tiles"] = new JsonArray("####", "#..#", "#.#", "####"));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/cellar.json: tiles[2]: is 3 tiles wide; every row must be as wide as tiles[0] (4)", error);
    }

    [Fact]
    public void Load_WhenATileIsNeitherFloorNorWall_NamesTheRowTheColumnAndTheTilesAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("cellar", cellar => cellar["tiles"] = new JsonArray("####", "#..#", "#.~#", "####"));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/cellar.json: tiles[2]: '~' at column 2 is not a tile; allowed: '.' (floor), '#' (wall)", error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(150)]
    public void Load_WhenTheTileSizeIsOutOfRange_SaysTheRangeAllowed(float tileSize)
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("cellar", cellar => cellar["tileSize"] = tileSize);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal($"zones/cellar.json: tileSize: {tileSize} is out of range; allowed 1..100", error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Load_WhenThePopulationCapIsOutOfRange_SaysTheRangeAllowed(int cap)
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["populationCap"] = cap);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal($"zones/meadow.json: populationCap: {cap} is out of range; allowed 1..10000", error);
    }

    [Fact]
    public void Load_WhenTheViewRadiusIsOutOfRange_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["viewRadius"] = 0);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: viewRadius: 0 is out of range; allowed 1..500", error);
    }

    [Fact]
    public void Load_WhenTheSpawnIsOutsideTheMap_NamesTheCoordinateAndTheMapSize()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawn"]!["x"] = 60);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: spawn.x: 60 is outside the map; allowed 0 <= x < 60", error);
    }

    [Fact]
    public void Load_WhenTheSpawnIsOnAWall_NamesTheTileItIsOn()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawn"] = new JsonObject { ["x"] = 25, ["y"] = 35 });

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "zones/meadow.json: spawn: (25, 35) is on a wall ('#' at tiles[3] column 2); it must be on floor ('.')", error);
    }

    [Fact]
    public void Load_WhenASpawnPointIsOnAWall_NamesTheSpawnPointAndTheTile()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawnPoints"]![0]!["y"] = 55);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "zones/meadow.json: spawnPoints[0] (rat).x/y: (45, 55) is on a wall ('#' at tiles[5] column 4); it must be on floor ('.')",
            error);
    }

    [Fact]
    public void Load_WhenASpawnPointIsOutsideTheMap_NamesTheSpawnPointAndTheCoordinate()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawnPoints"]![0]!["y"] = -5);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: spawnPoints[0] (rat).y: -5 is outside the map; allowed 0 <= y < 60", error);
    }

    [Fact]
    public void Load_WhenASpawnPointNamesAnUnknownMonster_ListsTheMonstersKnown()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawnPoints"]![0]!["monster"] = "dragon");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: spawnPoints[0] (dragon).monster: 'dragon' is not a monster; known monsters: rat", error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Load_WhenASpawnPointCountIsOutOfRange_SaysTheRangeAllowed(int count)
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawnPoints"]![0]!["count"] = count);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal($"zones/meadow.json: spawnPoints[0] (rat).count: {count} is out of range; allowed 1..100", error);
    }

    [Fact]
    public void Load_WhenARespawnTimeIsNotPositive_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawnPoints"]![0]!["respawnSeconds"] = 0);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: spawnPoints[0] (rat).respawnSeconds: 0 is out of range; allowed 0.1..86400", error);
    }

    [Fact]
    public void Load_WhenASpawnRadiusIsNegative_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["spawnPoints"]![0]!["radius"] = -1);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: spawnPoints[0] (rat).radius: -1 is out of range; allowed 0..100", error);
    }

    [Fact]
    public void Load_WhenAPortalLeadsToAnUnknownZone_NamesTheFileThePortalAndTheField()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["portals"]![0]!["targetZone"] = "nowhere");

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: portals[0] (to-cellar).targetZone: 'nowhere' is not a zone; known zones: cellar, meadow", error);
    }

    [Fact]
    public void Load_WhenAPortalIsOnAWall_NamesThePortalAndTheTile()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["portals"]![0]!["x"] = 55);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "zones/meadow.json: portals[0] (to-cellar).x/y: (55, 15) is on a wall ('#' at tiles[1] column 5); it must be on floor ('.')",
            error);
    }

    [Fact]
    public void Load_WhenAPortalIsOutsideTheMap_NamesThePortalAndTheCoordinate()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["portals"]![0]!["y"] = 75);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: portals[0] (to-cellar).y: 75 is outside the map; allowed 0 <= y < 60", error);
    }

    [Fact]
    public void Load_WhenAPortalRadiusIsOutOfRange_SaysTheRangeAllowed()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["portals"]![0]!["radius"] = 0);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/meadow.json: portals[0] (to-cellar).radius: 0 is out of range; allowed 0.5..50", error);
    }

    [Fact]
    public void Load_WhenAPortalTargetIsOutsideTheTargetZone_NamesTheTargetZoneAndItsSize()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["portals"]![0]!["targetX"] = 45);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "zones/meadow.json: portals[0] (to-cellar).targetX: 45 is outside the map of cellar; allowed 0 <= x < 40", error);
    }

    [Fact]
    public void Load_WhenAPortalTargetIsOnAWallOfTheTargetZone_NamesTheTargetZoneAndTheTile()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["portals"]![0]!["targetY"] = 5);

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "zones/meadow.json: portals[0] (to-cellar).targetX/targetY: (15, 5) is on a wall of cellar "
                + "('#' at tiles[0] column 1); it must be on floor ('.')",
            error);
    }

    [Fact]
    public void Load_WhenAPortalTargetIsInsideAPortalOfTheTargetZone_SaysPlayersWouldBeSentStraightOn()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow =>
        {
            meadow["portals"]![0]!["targetX"] = 24;
            meadow["portals"]![0]!["targetY"] = 23;
        });

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "zones/meadow.json: portals[0] (to-cellar).targetX/targetY: (24, 23) is inside portal 'to-meadow' of cellar "
                + "(radius 3 around (25, 25)); arriving players would be sent straight on; choose a point outside it",
            error);
    }

    [Fact]
    public void Load_WhenTwoPortalsOfAZoneShareAnId_NamesTheSecond()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("meadow", meadow => meadow["portals"]!.AsArray().Add(meadow["portals"]![0]!.DeepClone()));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal(
            "zones/meadow.json: portals[1] (to-cellar).id: 'to-cellar' is used by an earlier portal of this zone; "
                + "portal ids must be unique within a zone",
            error);
    }

    [Fact]
    public void Load_WhenATargetZoneHasABrokenMap_ReportsOnlyTheMap()
    {
        using var tree = ContentTree.CreateValid();
        tree.EditZone("cellar", cellar => cellar["tiles"] = new JsonArray("####", "#..#", "#.."));

        var error = Assert.Single(tree.LoadErrors());

        Assert.Equal("zones/cellar.json: tiles[2]: is 3 tiles wide; every row must be as wide as tiles[0] (4)", error);
    }
}
