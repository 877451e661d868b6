using CsCheck;
using Sunderfall.Frontend.World;
using Sunderfall.Protocol.Sync;
using Xunit;

namespace Sunderfall.Frontend.Tests.World;

public sealed class InterestGridTests
{
    private const float Zone = 1000f;

    // Coordinates on whole units and on cell borders make "exactly on the radius" and "on a border" cases common.
    private static readonly Gen<float> Coordinate = Gen.Frequency(
        (5, Gen.Float[0f, Zone]),
        (3, Gen.Int[0, 1000].Select(i => (float)i)),
        (2, Gen.Int[0, 40].Select(i => i * 25f)));

    private static readonly Gen<float> CellSize = Gen.OneOf(25f, 40f, 50f, 60f, 100f, 333f);

    private static readonly Gen<float> Radius = Gen.Frequency(
        (5, Gen.Float[0f, 150f]),
        (3, Gen.Int[0, 100].Select(i => (float)i)),
        (1, Gen.OneOf(0f, 25f, 50f, 100f, 1500f)));

    private static readonly Gen<(float X, float Y, float Radius)> Query = Gen.Select(Coordinate, Coordinate, Radius);

    [Fact]
    public void Query_ReturnsExactlyTheEntitiesABruteForceScanFindsWithinTheRadius()
    {
        Gen.Select(CellSize, Gen.Select(Coordinate, Coordinate).Array[0, 300], Query.Array[1, 20])
            .Sample((cellSize, positions, queries) =>
            {
                VisibleEntity[] entities = Entities(positions);
                var grid = new InterestGrid(cellSize);
                foreach (VisibleEntity e in entities)
                {
                    grid.Add(e);
                }

                var found = new List<VisibleEntity>();
                foreach ((float x, float y, float radius) in queries)
                {
                    grid.Query(x, y, radius, found);
                    Assert.Equal(BruteForce(entities, x, y, radius), found.Select(e => e.NetId).Order());
                }
            }, iter: 500);
    }

    [Fact]
    public void Query_IncludesEntitiesExactlyOnTheRadiusAndOnCellBorders()
    {
        Gen.Select(CellSize, Gen.Int[0, 20], Gen.Int[0, 20], Gen.Int[1, 8]).Sample((cellSize, cx, cy, k) =>
        {
            // Centre on a cell corner; 3-4-5 triangles and axis offsets put entities at distance exactly 5k.
            int corners = (int)(900f / cellSize);
            float x = cellSize * (1 + (cx % corners)), y = cellSize * (1 + (cy % corners)), r = 5f * k;
            (float, float)[] onCircle =
            [
                (x + r, y), (x - r, y), (x, y + r), (x, y - r),
                (x + (3 * k), y + (4 * k)), (x - (4 * k), y + (3 * k)), (x + (3 * k), y - (4 * k)), (x - (4 * k), y - (3 * k)),
            ];
            (float, float)[] justOutside = [(x + r + 0.0625f, y), (x + (3 * k), y + (4 * k) + 0.0625f)];
            VisibleEntity[] entities = Entities([.. onCircle, .. justOutside]);
            var grid = new InterestGrid(cellSize);
            foreach (VisibleEntity e in entities)
            {
                grid.Add(e);
            }

            var found = new List<VisibleEntity>();
            grid.Query(x, y, r, found);

            Assert.Equal(Enumerable.Range(0, onCircle.Length), found.Select(e => e.NetId).Order());
        });
    }

    [Fact]
    public void Query_AfterClearAndRefill_SeesOnlyTheNewTicksEntities()
    {
        var grid = new InterestGrid(50f);
        grid.Add(new VisibleEntity(1, EntityKind.Monster, "Old", 100f, 100f, 1, 1));
        var found = new List<VisibleEntity>();
        grid.Query(100f, 100f, 10f, found);

        grid.Clear();
        grid.Add(new VisibleEntity(2, EntityKind.Monster, "New", 101f, 100f, 1, 1));
        grid.Query(100f, 100f, 10f, found);

        Assert.Equal(2, Assert.Single(found).NetId);
        Assert.Equal(1, grid.Count);
    }

    [Fact]
    public void Query_WhenTheZoneIsEmpty_ClearsTheResultList()
    {
        var found = new List<VisibleEntity> { new(9, EntityKind.Npc, "Stale", 0f, 0f, 1, 1) };

        new InterestGrid(50f).Query(10f, 10f, 100f, found);

        Assert.Empty(found);
    }

    [Fact]
    public void ClearAddQuery_EveryTickAfterWarmUp_AllocatesNothing()
    {
        var grid = new InterestGrid(60f);
        var found = new List<VisibleEntity>(1024);
        var random = new Random(7);
        VisibleEntity[][] ticks = Enumerable.Range(0, 40)
            .Select(_ => Entities(Enumerable.Range(0, 500).Select(_ => (random.NextSingle() * Zone, random.NextSingle() * Zone)).ToArray()))
            .ToArray();

        for (int t = 0; t < 40; t++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            grid.Clear();
            foreach (VisibleEntity e in ticks[t])
            {
                grid.Add(e);
            }

            for (int q = 0; q < 50; q++)
            {
                grid.Query(q * 20f, 1000f - (q * 20f), 60f, found);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (t >= 5)
            {
                Assert.Equal(0, allocated);
            }
        }
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void Query_WhenTheRadiusIsNegativeOrNaN_ThrowsSayingItMustBeZeroOrMore(float radius)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new InterestGrid(50f).Query(1f, 1f, radius, []));

        Assert.Contains("the radius must be 0 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_WhenThePositionIsNotFinite_ThrowsNamingTheEntity()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new InterestGrid(50f).Add(new VisibleEntity(3, EntityKind.Player, "Nan", float.NaN, 1f, 1, 1)));

        Assert.Contains("entity 3", error.Message, StringComparison.Ordinal);
    }

    private static VisibleEntity[] Entities((float X, float Y)[] positions) =>
        positions.Select((p, i) => new VisibleEntity(i, EntityKind.Monster, "Boar", p.X, p.Y, 10, 10)).ToArray();

    // The documented predicate, applied to every entity: dx * dx + dy * dy <= radius * radius in double precision.
    private static IEnumerable<int> BruteForce(VisibleEntity[] entities, float x, float y, float radius)
    {
        double r2 = (double)radius * radius;
        return entities
            .Where(e =>
            {
                double dx = e.X - (double)x, dy = e.Y - (double)y;
                return (dx * dx) + (dy * dy) <= r2;
            })
            .Select(e => e.NetId)
            .Order();
    }
}
