using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>
/// The walkable area of a zone, built from its tile grid: answers whether a point is on floor and moves points
/// (entities have no size) so that they slide along walls and never end inside a wall or outside the map.
/// Tile (column, row) covers [column, column + 1) x [row, row + 1) times <see cref="TileSize"/>, row 0 at y = 0; the
/// map's far edges (x = <see cref="Width"/>, y = <see cref="Height"/>) belong to the last column and row, so the
/// map's bounds are 0..Width and 0..Height inclusive, like the zone's input bounds check.
/// </summary>
public sealed class CollisionMap
{
    /// <summary>
    /// How far short of a wall a blocked move stops. A point exactly on a tile's lower edge is in that tile, so a
    /// point moving up or right must stop strictly before the wall; this gap keeps it clear of float rounding.
    /// </summary>
    public const float Skin = 0.001f;

    private readonly bool[] walkable;
    private readonly int columns;
    private readonly int rows;

    /// <summary>Builds the map of <paramref name="zone"/>; its rows must all be the same length, of '.' and '#'.</summary>
    public CollisionMap(ZoneDefinition zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!(zone.TileSize > 0) || !float.IsFinite(zone.TileSize))
        {
            throw new ArgumentException($"zone '{zone.Id}': TileSize must be a positive number, not {zone.TileSize}", nameof(zone));
        }

        if (zone.Tiles.Count == 0 || zone.Tiles[0].Length == 0)
        {
            throw new ArgumentException($"zone '{zone.Id}': Tiles must have at least one row and one column", nameof(zone));
        }

        rows = zone.Tiles.Count;
        columns = zone.Tiles[0].Length;
        walkable = new bool[rows * columns];
        var anyFloor = false;
        for (var row = 0; row < rows; row++)
        {
            var line = zone.Tiles[row];
            if (line.Length != columns)
            {
                throw new ArgumentException(
                    $"zone '{zone.Id}': tile row {row} has {line.Length} tiles; every row must have {columns} like row 0",
                    nameof(zone));
            }

            for (var column = 0; column < columns; column++)
            {
                walkable[(row * columns) + column] = line[column] switch
                {
                    '.' => true,
                    '#' => false,
                    var other => throw new ArgumentException(
                        $"zone '{zone.Id}': tile '{other}' at row {row}, column {column}; only '.' (floor) and '#' (wall) are allowed",
                        nameof(zone)),
                };
                anyFloor |= line[column] == '.';
            }
        }

        if (!anyFloor)
        {
            throw new ArgumentException($"zone '{zone.Id}': Tiles must contain at least one floor tile ('.')", nameof(zone));
        }

        TileSize = zone.TileSize;
        Width = columns * TileSize;
        Height = rows * TileSize;
        // A single sub-step shorter than a tile cannot cross a whole wall tile without landing in it.
        MaxSubStep = TileSize * 0.5f;
    }

    /// <summary>Width in units.</summary>
    public float Width { get; }

    /// <summary>Height in units.</summary>
    public float Height { get; }

    /// <summary>Units per tile side.</summary>
    public float TileSize { get; }

    private float MaxSubStep { get; }

    /// <summary>True when (<paramref name="x"/>, <paramref name="y"/>) is inside the map and on a floor tile.</summary>
    public bool IsWalkable(float x, float y)
    {
        if (!(x >= 0 && x <= Width && y >= 0 && y <= Height))
        {
            return false; // also rejects NaN
        }

        return walkable[(RowOf(y) * columns) + ColumnOf(x)];
    }

    /// <summary>True when <paramref name="position"/> is inside the map and on a floor tile.</summary>
    public bool IsWalkable(WorldPosition position) => IsWalkable(position.X, position.Y);

    /// <summary>
    /// The position reached by moving from <paramref name="from"/> by (<paramref name="dx"/>, <paramref name="dy"/>):
    /// each axis moves separately, so a blocked axis stops at the wall while the other keeps going (sliding); long
    /// moves are taken in sub-steps shorter than half a tile, so no wall is skipped. A start that is not walkable is
    /// first recovered with <see cref="NearestWalkable"/>; a non-finite delta counts as no movement on that axis.
    /// </summary>
    public WorldPosition Move(WorldPosition from, float dx, float dy)
    {
        var start = IsWalkable(from) ? from : NearestWalkable(from);
        // Nothing further than the map's size can be reached; clamping also bounds the number of sub-steps.
        dx = float.IsFinite(dx) ? Math.Clamp(dx, -Width, Width) : 0f;
        dy = float.IsFinite(dy) ? Math.Clamp(dy, -Height, Height) : 0f;

        var steps = Math.Max(1, (int)MathF.Ceiling(MathF.Max(MathF.Abs(dx), MathF.Abs(dy)) / MaxSubStep));
        var stepX = dx / steps;
        var stepY = dy / steps;
        var x = start.X;
        var y = start.Y;
        for (var i = 0; i < steps; i++)
        {
            if (stepX != 0)
            {
                x = MoveAlongX(x, y, stepX);
            }

            if (stepY != 0)
            {
                y = MoveAlongY(x, y, stepY);
            }
        }

        return new WorldPosition(x, y);
    }

    /// <summary>
    /// <paramref name="position"/> itself when walkable; otherwise the closest walkable point (ties go to the tile
    /// that comes first row by row). A non-finite coordinate is treated as 0. Use it to recover an entity whose
    /// position became invalid, e.g. after the zone's content changed.
    /// </summary>
    public WorldPosition NearestWalkable(WorldPosition position)
    {
        var x = float.IsFinite(position.X) ? Math.Clamp(position.X, 0f, Width) : 0f;
        var y = float.IsFinite(position.Y) ? Math.Clamp(position.Y, 0f, Height) : 0f;
        if (IsWalkable(x, y))
        {
            return new WorldPosition(x, y);
        }

        var best = default(WorldPosition);
        var bestDistance = float.PositiveInfinity;
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                if (!walkable[(row * columns) + column])
                {
                    continue;
                }

                var candidate = ClosestPointInTile(column, row, x, y);
                var distance = Square(candidate.X - x) + Square(candidate.Y - y);
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    private float MoveAlongX(float x, float y, float step)
    {
        var target = Math.Clamp(x + step, 0f, Width);
        if (IsWalkable(target, y))
        {
            return target;
        }

        // The step is shorter than a tile, so the wall is the neighbouring column: stop at the shared edge.
        var column = ColumnOf(x);
        var contact = step > 0 ? MathF.Max(x, ((column + 1) * TileSize) - Skin) : MathF.Min(x, column * TileSize);
        return IsWalkable(contact, y) ? contact : x;
    }

    private float MoveAlongY(float x, float y, float step)
    {
        var target = Math.Clamp(y + step, 0f, Height);
        if (IsWalkable(x, target))
        {
            return target;
        }

        var row = RowOf(y);
        var contact = step > 0 ? MathF.Max(y, ((row + 1) * TileSize) - Skin) : MathF.Min(y, row * TileSize);
        return IsWalkable(x, contact) ? contact : y;
    }

    private WorldPosition ClosestPointInTile(int column, int row, float x, float y)
    {
        var left = column * TileSize;
        var bottom = row * TileSize;
        // The last column and row own the map's far edge; the others stop a skin short of their neighbour.
        var right = column == columns - 1 ? Width : ((column + 1) * TileSize) - Skin;
        var top = row == rows - 1 ? Height : ((row + 1) * TileSize) - Skin;
        var candidate = new WorldPosition(Math.Clamp(x, left, right), Math.Clamp(y, bottom, top));
        return IsWalkable(candidate) ? candidate : new WorldPosition(left + (TileSize / 2), bottom + (TileSize / 2));
    }

    /// <summary>
    /// True when no wall tile lies on the straight line from <paramref name="from"/> to <paramref name="to"/>: a grid
    /// walk over every tile the segment passes through (a supercover line: where it passes exactly through a tile
    /// corner, both tiles beside the corner count, so nothing is seen through the gap between two diagonal walls).
    /// Points outside the map are clamped to its edge.
    /// </summary>
    public bool HasLineOfSight(WorldPosition from, WorldPosition to)
    {
        var (x0, y0) = (Math.Clamp(from.X, 0, Width) / TileSize, Math.Clamp(from.Y, 0, Height) / TileSize);
        var (x1, y1) = (Math.Clamp(to.X, 0, Width) / TileSize, Math.Clamp(to.Y, 0, Height) / TileSize);
        if (!float.IsFinite(x0 + y0 + x1 + y1))
        {
            return false;
        }

        var (column, row) = (Math.Min((int)x0, columns - 1), Math.Min((int)y0, rows - 1));
        var (endColumn, endRow) = (Math.Min((int)x1, columns - 1), Math.Min((int)y1, rows - 1));
        var (stepX, stepY) = (Math.Sign(endColumn - column), Math.Sign(endRow - row));

        // Parameter t along the segment (0..1) at which it crosses the next vertical / horizontal tile boundary.
        var (dx, dy) = (x1 - x0, y1 - y0);
        var deltaX = stepX == 0 ? float.PositiveInfinity : 1f / MathF.Abs(dx);
        var deltaY = stepY == 0 ? float.PositiveInfinity : 1f / MathF.Abs(dy);
        var nextX = stepX > 0 ? (column + 1 - x0) * deltaX : stepX < 0 ? (x0 - column) * deltaX : float.PositiveInfinity;
        var nextY = stepY > 0 ? (row + 1 - y0) * deltaY : stepY < 0 ? (y0 - row) * deltaY : float.PositiveInfinity;

        if (!walkable[(row * columns) + column])
        {
            return false;
        }

        for (var left = Math.Abs(endColumn - column) + Math.Abs(endRow - row); left > 0; left--)
        {
            if (column == endColumn)
            {
                nextX = float.PositiveInfinity;
            }

            if (row == endRow)
            {
                nextY = float.PositiveInfinity;
            }

            if (MathF.Abs(nextX - nextY) < 1e-5f)
            {
                // Exactly through a corner: both tiles beside it must be open, then the diagonal one.
                if (!walkable[(row * columns) + column + stepX] || !walkable[((row + stepY) * columns) + column])
                {
                    return false;
                }

                column += stepX;
                row += stepY;
                nextX += deltaX;
                nextY += deltaY;
                left--;
            }
            else if (nextX < nextY)
            {
                column += stepX;
                nextX += deltaX;
            }
            else
            {
                row += stepY;
                nextY += deltaY;
            }

            if (!walkable[(row * columns) + column])
            {
                return false;
            }
        }

        return true;
    }

    private int ColumnOf(float x) => Math.Min((int)(x / TileSize), columns - 1);

    private int RowOf(float y) => Math.Min((int)(y / TileSize), rows - 1);

    private static float Square(float value) => value * value;
}
