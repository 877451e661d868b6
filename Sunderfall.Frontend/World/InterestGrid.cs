using Sunderfall.Protocol.Sync;

namespace Sunderfall.Frontend.World;

/// <summary>
/// A uniform spatial hash over one zone's entities for one tick, answering "who is within this radius" per
/// connection without scanning the whole zone. Fill it with <see cref="Clear"/> and <see cref="Add"/> each tick,
/// then <see cref="Query"/> once per connection. A cell size near the view radius keeps a query to about 3x3 cells.
/// Storage grows to the zone's peak entity count and is reused across ticks. Not thread-safe.
/// </summary>
public sealed class InterestGrid
{
    private const int MinBuckets = 16;

    // Cell coordinates are clamped so that far-out positions share edge cells instead of overflowing.
    private const int MaxCell = 1 << 28;

    private readonly double cellSize;
    private VisibleEntity[] added = new VisibleEntity[64];
    private Cell[] addedCells = new Cell[64];
    private int count;

    // Entities sorted by bucket: bucket b's entities are sorted[bucketStart[b] .. bucketStart[b + 1]).
    private VisibleEntity[] sorted = new VisibleEntity[64];
    private Cell[] sortedCells = new Cell[64];
    private int[] bucketStart = new int[MinBuckets + 1];
    private int bucketMask = MinBuckets - 1;
    private int sortedCount;
    private bool built = true;

    /// <summary>Creates a grid whose square cells are <paramref name="cellSize"/> units wide.</summary>
    public InterestGrid(float cellSize)
    {
        if (!(cellSize > 0f) || float.IsInfinity(cellSize))
        {
            throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "the cell size must be a finite number above 0");
        }

        this.cellSize = cellSize;
    }

    /// <summary>How many entities the grid holds.</summary>
    public int Count => count;

    /// <summary>Removes every entity, keeping the storage for the next tick.</summary>
    public void Clear()
    {
        // Drop name references so despawned entities' strings can be collected.
        Array.Clear(added, 0, count);
        Array.Clear(sorted, 0, sortedCount);
        count = 0;
        sortedCount = 0;
        built = false;
    }

    /// <summary>Adds an entity at its position; positions must be finite.</summary>
    public void Add(in VisibleEntity entity)
    {
        if (!float.IsFinite(entity.X) || !float.IsFinite(entity.Y))
        {
            throw new ArgumentOutOfRangeException(nameof(entity), $"entity {entity.NetId} is at ({entity.X}, {entity.Y}); positions must be finite");
        }

        if (count == added.Length)
        {
            Array.Resize(ref added, count * 2);
            Array.Resize(ref addedCells, count * 2);
        }

        added[count] = entity;
        addedCells[count] = new Cell(CellOf(entity.X), CellOf(entity.Y));
        count++;
        built = false;
    }

    /// <summary>
    /// Replaces the contents of <paramref name="into"/> with exactly the entities within <paramref name="radius"/> of
    /// (<paramref name="x"/>, <paramref name="y"/>), the rim included: dx * dx + dy * dy &lt;= radius * radius,
    /// computed in double precision. The order is unspecified.
    /// </summary>
    public void Query(float x, float y, float radius, List<VisibleEntity> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (!float.IsFinite(x) || !float.IsFinite(y))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"the query centre ({x}, {y}) must be finite");
        }

        if (!(radius >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "the radius must be 0 or more");
        }

        into.Clear();
        if (!built)
        {
            Build();
        }

        double r = radius;
        double r2 = r * r;

        // Rounding in the squared test can admit a point a hair beyond r; a slightly wider cell range still holds it.
        double reach = r + (r * 1e-9);
        int minX = CellOf(x - reach), maxX = CellOf(x + reach);
        int minY = CellOf(y - reach), maxY = CellOf(y + reach);
        long cells = ((long)maxX - minX + 1) * ((long)maxY - minY + 1);

        // A radius much larger than the cells would visit more cells than there are entities: scan them all instead.
        if (cells > count)
        {
            for (int i = 0; i < count; i++)
            {
                if (Within(sorted[i], x, y, r2))
                {
                    into.Add(sorted[i]);
                }
            }

            return;
        }

        for (int cy = minY; cy <= maxY; cy++)
        {
            for (int cx = minX; cx <= maxX; cx++)
            {
                var cell = new Cell(cx, cy);
                int bucket = Bucket(cell);
                for (int i = bucketStart[bucket]; i < bucketStart[bucket + 1]; i++)
                {
                    // Other cells can share the bucket; matching the cell reports each entity from its own cell only.
                    if (sortedCells[i] == cell && Within(sorted[i], x, y, r2))
                    {
                        into.Add(sorted[i]);
                    }
                }
            }
        }
    }

    private static bool Within(in VisibleEntity e, double x, double y, double r2)
    {
        double dx = e.X - x;
        double dy = e.Y - y;
        return (dx * dx) + (dy * dy) <= r2;
    }

    // Counting sort of the added entities by bucket.
    private void Build()
    {
        int buckets = MinBuckets;
        while (buckets < count)
        {
            buckets <<= 1;
        }

        bucketMask = buckets - 1;
        if (bucketStart.Length < buckets + 1)
        {
            bucketStart = new int[buckets + 1];
        }

        if (sorted.Length < added.Length)
        {
            sorted = new VisibleEntity[added.Length];
            sortedCells = new Cell[added.Length];
        }

        Array.Clear(bucketStart, 0, buckets + 1);
        for (int i = 0; i < count; i++)
        {
            bucketStart[Bucket(addedCells[i]) + 1]++;
        }

        for (int b = 0; b < buckets; b++)
        {
            bucketStart[b + 1] += bucketStart[b];
        }

        // bucketStart[b] is used as the insertion cursor, ending at the start of bucket b + 1; shifting restores it.
        for (int i = 0; i < count; i++)
        {
            int at = bucketStart[Bucket(addedCells[i])]++;
            sorted[at] = added[i];
            sortedCells[at] = addedCells[i];
        }

        for (int b = buckets; b > 0; b--)
        {
            bucketStart[b] = bucketStart[b - 1];
        }

        bucketStart[0] = 0;
        sortedCount = count;
        built = true;
    }

    private int Bucket(Cell cell) => (int)((uint)((cell.X * 73856093) ^ (cell.Y * 19349663)) & (uint)bucketMask);

    // Monotonic in v, so an entity within the radius always falls in a cell between the query's corner cells.
    private int CellOf(double v) => (int)Math.Clamp(Math.Floor(v / cellSize), -MaxCell, MaxCell);

    private readonly record struct Cell(int X, int Y);
}
