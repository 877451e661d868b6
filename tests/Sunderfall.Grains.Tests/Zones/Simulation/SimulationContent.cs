using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Zones.Simulation;

namespace Sunderfall.Grains.Tests.Zones.Simulation;

/// <summary>Small zones, monsters and spawn points built in code for the simulation tests.</summary>
public static class SimulationContent
{
    /// <summary>An open 20 x 20 tile zone (200 x 200 units) with the monster's home in the middle.</summary>
    public static readonly WorldPosition Home = new(100f, 100f);

    public static ZoneDefinition Zone(float tileSize, params string[] rows) => new()
    {
        Id = "test",
        Name = "Test",
        TileSize = tileSize,
        Tiles = rows,
        Spawn = new PointDefinition(tileSize / 2, tileSize / 2),
    };

    public static CollisionMap OpenMap() =>
        new(Zone(10f, Enumerable.Repeat(new string('.', 20), 20).ToArray()));

    public static MonsterDefinition Wolf() => new()
    {
        Id = "wolf",
        Name = "Wolf",
        Speed = 4f,
        AggroRadius = 12f,
        LeashRadius = 30f,
        WanderRadius = 8f,
    };

    public static SpawnPointDefinition WolfDen(float x = 100f, float y = 100f, float radius = 5f) => new()
    {
        Monster = "wolf",
        X = x,
        Y = y,
        Radius = radius,
        RespawnSeconds = 30f,
    };

    public static MonsterBrain WolfBrain(CollisionMap map) => new(Wolf(), WolfDen(), Home, map);
}
