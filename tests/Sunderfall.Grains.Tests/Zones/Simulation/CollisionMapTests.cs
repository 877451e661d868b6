using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Zones.Simulation;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones.Simulation;

public sealed class CollisionMapTests
{
    // 50 x 30 units; one wall tile covering x 20..30, y 10..20.
    private readonly CollisionMap pillar = new(SimulationContent.Zone(
        10f,
        ".....",
        "..#..",
        "....."));

    // A wall one tile thick (x 20..30) from top to bottom splits the map in two.
    private readonly CollisionMap divided = new(SimulationContent.Zone(
        10f,
        "..#..",
        "..#..",
        "..#.."));

    [Fact]
    public void Size_IsTheTileGridTimesTheTileSize()
    {
        Assert.Equal(50f, pillar.Width);
        Assert.Equal(30f, pillar.Height);
    }

    [Theory]
    [InlineData(0f, 0f, true)]
    [InlineData(50f, 30f, true)] // the far edges belong to the last column and row, as in MovementRules
    [InlineData(19.99f, 15f, true)]
    [InlineData(20f, 15f, false)] // a tile's lower edge belongs to it
    [InlineData(29.99f, 19.99f, false)]
    [InlineData(30f, 15f, true)]
    [InlineData(25f, 20f, true)]
    [InlineData(-0.01f, 5f, false)]
    [InlineData(50.01f, 5f, false)]
    [InlineData(5f, -0.01f, false)]
    [InlineData(5f, 30.01f, false)]
    [InlineData(float.NaN, 5f, false)]
    [InlineData(5f, float.PositiveInfinity, false)]
    public void IsWalkable_IsTrueOnlyOnFloorInsideTheMap(float x, float y, bool expected)
    {
        Assert.Equal(expected, pillar.IsWalkable(x, y));
    }

    [Fact]
    public void Move_WhenAWallIsInTheWay_StopsJustShortOfIt()
    {
        var reached = pillar.Move(new WorldPosition(15f, 15f), 8f, 0f);

        Assert.InRange(reached.X, 19.9f, 19.9999f);
        Assert.Equal(15f, reached.Y);
        Assert.True(pillar.IsWalkable(reached));
    }

    [Fact]
    public void Move_WhenMovingAwayFromAWallItTouches_IsNotHeldBack()
    {
        var touching = pillar.Move(new WorldPosition(15f, 15f), 8f, 0f);

        var reached = pillar.Move(touching, -4f, 0f);

        Assert.Equal(touching.X - 4f, reached.X, 0.0001f);
    }

    [Fact]
    public void Move_WhenMovingDiagonallyIntoAWall_SlidesAlongIt()
    {
        var fromTheLeft = pillar.Move(new WorldPosition(15f, 12f), 8f, 3f);
        var fromBelow = pillar.Move(new WorldPosition(22f, 5f), 3f, 8f);

        Assert.InRange(fromTheLeft.X, 19.9f, 19.9999f);
        Assert.Equal(15f, fromTheLeft.Y, 0.0001f);
        Assert.Equal(25f, fromBelow.X, 0.0001f);
        Assert.InRange(fromBelow.Y, 9.9f, 9.9999f);
    }

    [Fact]
    public void Move_AlongsideAWall_IsNotHeldBackByIt()
    {
        // Along y = 9 the path runs just below the wall tile.
        var reached = pillar.Move(new WorldPosition(5f, 9f), 40f, 0f);

        Assert.Equal(new WorldPosition(45f, 9f), reached);
    }

    [Theory]
    [InlineData(15f)]
    [InlineData(25.5f)] // would land just past the wall
    [InlineData(30f)]
    [InlineData(1_000f)]
    [InlineData(1e30f)]
    [InlineData(float.MaxValue)]
    public void Move_WithAStepLongerThanATile_DoesNotTunnelThroughAOneTileWall(float step)
    {
        var rightwards = divided.Move(new WorldPosition(5f, 15f), step, 0f);
        var leftwards = divided.Move(new WorldPosition(45f, 15f), -step, 0f);
        var diagonal = divided.Move(new WorldPosition(5f, 5f), step, step);

        Assert.InRange(rightwards.X, 5f, 19.9999f);
        Assert.InRange(leftwards.X, 30f, 45f);
        Assert.InRange(diagonal.X, 5f, 19.9999f);
        Assert.True(divided.IsWalkable(diagonal));
    }

    [Theory]
    [InlineData(-1_000f, 0f)]
    [InlineData(1_000f, 0f)]
    [InlineData(0f, -1_000f)]
    [InlineData(0f, 1_000f)]
    [InlineData(-1e30f, 1e30f)]
    [InlineData(float.NegativeInfinity, float.NaN)]
    public void Move_NeverLeavesTheMap(float dx, float dy)
    {
        var open = SimulationContent.OpenMap();

        var reached = open.Move(new WorldPosition(100f, 100f), dx, dy);

        Assert.InRange(reached.X, 0f, open.Width);
        Assert.InRange(reached.Y, 0f, open.Height);
        Assert.True(open.IsWalkable(reached));
    }

    [Fact]
    public void Move_InAnyDirectionFromAnyWalkablePoint_NeverEndsInAWallOrOffTheMap()
    {
        var maze = new CollisionMap(SimulationContent.Zone(
            2f,
            "#..#....",
            "..##.#..",
            ".#...#.#",
            "...#....",
            "#.#..##.",
            "........"));
        var random = new Random(7);
        var position = new WorldPosition(1f, 11f);

        for (var i = 0; i < 20_000; i++)
        {
            var length = (float)(random.NextDouble() * (i % 10 == 0 ? 30 : 3));
            var angle = random.NextDouble() * 2 * Math.PI;
            var from = position;
            position = maze.Move(position, length * (float)Math.Cos(angle), length * (float)Math.Sin(angle));

            Assert.True(maze.IsWalkable(position), $"step {i} from {from} ended on {position}");
        }
    }

    [Fact]
    public void Move_FromAPositionInsideAWall_FirstRecoversToTheNearestFloor()
    {
        var reached = pillar.Move(new WorldPosition(21f, 15f), 0f, 0f);

        Assert.True(pillar.IsWalkable(reached));
        Assert.InRange(reached.X, 19.9f, 19.9999f);
        Assert.Equal(15f, reached.Y);
    }

    [Fact]
    public void NearestWalkable_OfAWalkablePoint_IsThePointItself()
    {
        Assert.Equal(new WorldPosition(12.5f, 7f), pillar.NearestWalkable(new WorldPosition(12.5f, 7f)));
    }

    [Fact]
    public void NearestWalkable_OfAPointInsideAWall_IsTheClosestFloorAcrossTheNearestEdge()
    {
        var nearBottomEdge = pillar.NearestWalkable(new WorldPosition(24f, 11f));
        var nearRightEdge = pillar.NearestWalkable(new WorldPosition(29f, 14f));

        Assert.Equal(24f, nearBottomEdge.X);
        Assert.InRange(nearBottomEdge.Y, 9.9f, 9.9999f);
        Assert.Equal(new WorldPosition(30f, 14f), nearRightEdge);
    }

    [Fact]
    public void NearestWalkable_OfAPointOffTheMapOrNotANumber_IsOnTheMap()
    {
        Assert.Equal(new WorldPosition(0f, 5f), pillar.NearestWalkable(new WorldPosition(-7f, 5f)));
        Assert.Equal(new WorldPosition(50f, 30f), pillar.NearestWalkable(new WorldPosition(1e9f, 1e9f)));
        Assert.True(pillar.IsWalkable(pillar.NearestWalkable(new WorldPosition(float.NaN, float.NaN))));
    }

    [Fact]
    public void Constructor_WhenRowsDifferInLength_NamesTheRowAndTheExpectedLength()
    {
        var error = Assert.Throws<ArgumentException>(() => new CollisionMap(SimulationContent.Zone(10f, "...", "..", "...")));

        Assert.Contains("tile row 1 has 2 tiles; every row must have 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WhenATileIsNeitherFloorNorWall_SaysWhatIsAllowed()
    {
        var error = Assert.Throws<ArgumentException>(() => new CollisionMap(SimulationContent.Zone(10f, "..x")));

        Assert.Contains("only '.' (floor) and '#' (wall) are allowed", error.Message, StringComparison.Ordinal);
    }
}
