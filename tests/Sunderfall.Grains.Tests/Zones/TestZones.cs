using System.Collections.Frozen;
using Sunderfall.Content;
using Sunderfall.Content.Definitions;

namespace Sunderfall.Grains.Tests.Zones;

/// <summary>Small zones built in code (tiles of 10 units), and catalogs holding one zone and its monsters.</summary>
public static class TestZones
{
    public const float TileSize = 10f;

    /// <summary>A zone of all floor, <paramref name="columns"/> x <paramref name="rows"/> tiles.</summary>
    public static ZoneDefinition Open(int columns, int rows) => Zone(Enumerable.Repeat(new string('.', columns), rows).ToArray());

    /// <summary>A zone of the given rows ('.' floor, '#' wall; row 0 is y = 0).</summary>
    public static ZoneDefinition Zone(params string[] tiles) => new()
    {
        Id = "test-zone",
        Name = "Test Zone",
        TileSize = TileSize,
        Tiles = tiles,
        Spawn = new PointDefinition(TileSize / 2, TileSize / 2),
    };

    /// <summary>A catalog holding <paramref name="zone"/> and <paramref name="monsters"/>, nothing else.</summary>
    public static ContentCatalog Catalog(ZoneDefinition zone, params MonsterDefinition[] monsters)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new ContentCatalog(
            new Dictionary<string, ZoneDefinition> { [zone.Id] = zone }.ToFrozenDictionary(),
            monsters.ToFrozenDictionary(m => m.Id),
            FrozenDictionary<string, ItemDefinition>.Empty,
            FrozenDictionary<string, AbilityDefinition>.Empty);
    }

    public static MonsterDefinition Wolf() => new() { Id = "wolf", Name = "Wolf", MaxHealth = 60, Speed = 4f, AggroRadius = 12f };

    /// <summary><paramref name="count"/> monsters appearing exactly at (<paramref name="x"/>, <paramref name="y"/>) (radius 0).</summary>
    public static SpawnPointDefinition SpawnAt(string monster, float x, float y, int count = 1) =>
        new() { Monster = monster, X = x, Y = y, Count = count, Radius = 0f };
}
