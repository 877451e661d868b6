using Sunderfall.Content.Definitions;

namespace Sunderfall.Content;

/// <summary>
/// Reads a zone's tile grid at positions in units. Used to validate content; the simulation keeps its own collision map.
/// </summary>
public static class ZoneMap
{
    public const char Floor = '.';

    public const char Wall = '#';

    /// <summary>True when the point lies on the map: 0 &lt;= x &lt; width and 0 &lt;= y &lt; height.</summary>
    public static bool Contains(ZoneDefinition zone, float x, float y)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return x >= 0 && y >= 0 && x < zone.Width && y < zone.Height;
    }

    /// <summary>The tile under a point: row = y / tile size, column = x / tile size; false when off the map.</summary>
    public static bool TryGetTile(ZoneDefinition zone, float x, float y, out int row, out int column)
    {
        row = -1;
        column = -1;
        if (!Contains(zone, x, y) || zone.TileSize <= 0)
        {
            return false;
        }

        var r = (int)MathF.Floor(y / zone.TileSize);
        var c = (int)MathF.Floor(x / zone.TileSize);
        // Float rounding can put a point just below the edge into the row or column past it.
        if (r >= zone.Tiles.Count || c >= zone.Tiles[r].Length)
        {
            return false;
        }

        row = r;
        column = c;
        return true;
    }

    /// <summary>True when the point lies on the map on a floor tile.</summary>
    public static bool IsFloor(ZoneDefinition zone, float x, float y) =>
        TryGetTile(zone, x, y, out var row, out var column) && zone.Tiles[row][column] == Floor;
}
