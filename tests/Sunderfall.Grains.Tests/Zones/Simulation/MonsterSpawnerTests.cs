using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Zones.Simulation;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones.Simulation;

public sealed class MonsterSpawnerTests
{
    // The spawn circle used below, around (25, 35) with radius 12, overlaps the wall tile at x 20..30, y 20..30.
    private readonly CollisionMap map = new(SimulationContent.Zone(
        10f,
        ".....",
        ".###.",
        "..#..",
        ".....",
        "....."));

    [Fact]
    public void PickSpawnPosition_AlwaysPicksAWalkablePointWithinTheRadius()
    {
        var point = SimulationContent.WolfDen(25f, 35f, radius: 12f);
        var random = new Random(11);

        for (var i = 0; i < 1_000; i++)
        {
            var at = MonsterSpawner.PickSpawnPosition(point, map, random);

            Assert.True(map.IsWalkable(at), $"{at} is not walkable");
            Assert.True(at.DistanceTo(new WorldPosition(point.X, point.Y)) <= point.Radius, $"{at} is outside the radius");
        }
    }

    [Fact]
    public void PickSpawnPosition_WithTheSameSeed_PicksTheSamePositions()
    {
        var point = SimulationContent.WolfDen(25f, 35f, radius: 12f);
        var first = new Random(5);
        var second = new Random(5);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(MonsterSpawner.PickSpawnPosition(point, map, first), MonsterSpawner.PickSpawnPosition(point, map, second));
        }
    }

    [Fact]
    public void PickSpawnPosition_WhenNoDrawLandsOnFloor_FallsBackToThePointItself()
    {
        // One floor tile in a sea of wall; the radius is so large that random points all but never hit it.
        var cell = new CollisionMap(SimulationContent.Zone(10f, "###", "#.#", "###"));
        var point = SimulationContent.WolfDen(10f, 10f, radius: 100_000f);

        Assert.Equal(new WorldPosition(10f, 10f), MonsterSpawner.PickSpawnPosition(point, cell, new Random(1)));
    }

    [Fact]
    public void PickSpawnPosition_WhenContentPutThePointInAWall_FallsBackToTheNearestFloor()
    {
        var cell = new CollisionMap(SimulationContent.Zone(10f, "###", "#.#", "###"));
        var point = SimulationContent.WolfDen(4f, 15f, radius: 1f);

        Assert.Equal(new WorldPosition(10f, 15f), MonsterSpawner.PickSpawnPosition(point, cell, new Random(1)));
    }
}
