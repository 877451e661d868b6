using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>Random points drawn only from the <see cref="Random"/> passed in, so a seed reproduces them.</summary>
internal static class RandomPoints
{
    /// <summary>A point uniformly distributed over the disc of <paramref name="radius"/> around <paramref name="center"/>.</summary>
    public static WorldPosition InDisc(WorldPosition center, float radius, Random random)
    {
        // sqrt spreads points evenly over the area instead of crowding the centre.
        var distance = radius * Math.Sqrt(random.NextDouble());
        var angle = 2 * Math.PI * random.NextDouble();
        return new WorldPosition(
            center.X + (float)(distance * Math.Cos(angle)),
            center.Y + (float)(distance * Math.Sin(angle)));
    }

    /// <summary>
    /// A walkable point within <paramref name="radius"/> of <paramref name="center"/>, trying at most
    /// <paramref name="attempts"/> draws; null when none of them landed on floor.
    /// </summary>
    public static WorldPosition? WalkableInDisc(WorldPosition center, float radius, CollisionMap map, Random random, int attempts)
    {
        if (!(radius > 0) || !float.IsFinite(radius))
        {
            return map.IsWalkable(center) ? center : null;
        }

        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var candidate = InDisc(center, radius, random);
            if (map.IsWalkable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
