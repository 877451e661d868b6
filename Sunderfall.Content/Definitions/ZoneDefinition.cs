namespace Sunderfall.Content.Definitions;

/// <summary>
/// A zone template, from content/zones/{id}.json. The map is a grid of tiles ('.' floor, '#' wall), each
/// <see cref="TileSize"/> units square; row 0 is y = 0. Positions are in units.
/// </summary>
public sealed record ZoneDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Units per tile side.</summary>
    public float TileSize { get; init; } = 10f;

    /// <summary>Rows of tiles, all of one length: '.' walkable, '#' wall.</summary>
    public required IReadOnlyList<string> Tiles { get; init; }

    /// <summary>Where characters new to the zone appear.</summary>
    public required PointDefinition Spawn { get; init; }

    /// <summary>Players per instance before another instance (channel) opens.</summary>
    public int PopulationCap { get; init; } = 200;

    /// <summary>How far a player sees, in units.</summary>
    public float ViewRadius { get; init; } = 60f;

    public IReadOnlyList<SpawnPointDefinition> SpawnPoints { get; init; } = [];

    public IReadOnlyList<PortalDefinition> Portals { get; init; } = [];

    /// <summary>Width in units.</summary>
    public float Width => Tiles.Count == 0 ? 0 : Tiles[0].Length * TileSize;

    /// <summary>Height in units.</summary>
    public float Height => Tiles.Count * TileSize;
}
