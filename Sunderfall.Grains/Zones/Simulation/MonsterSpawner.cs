using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>Chooses where a monster of a spawn point appears: a random walkable point within the point's radius.</summary>
public static class MonsterSpawner
{
    /// <summary>How many random points are tried before falling back to the spawn point itself.</summary>
    public const int MaxAttempts = 16;

    /// <summary>
    /// A walkable position within <see cref="SpawnPointDefinition.Radius"/> of <paramref name="spawnPoint"/>, drawn
    /// from <paramref name="random"/>. After <see cref="MaxAttempts"/> misses it falls back to the point itself, or
    /// - when content put the point in a wall or outside the map - to the walkable position nearest to it, so a
    /// monster never appears where it could not move.
    /// </summary>
    public static WorldPosition PickSpawnPosition(SpawnPointDefinition spawnPoint, CollisionMap map, Random random)
    {
        ArgumentNullException.ThrowIfNull(spawnPoint);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(random);

        var center = new WorldPosition(spawnPoint.X, spawnPoint.Y);
        return RandomPoints.WalkableInDisc(center, spawnPoint.Radius, map, random, MaxAttempts)
            ?? map.NearestWalkable(center);
    }
}
