using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Zones.Simulation;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones.Simulation;

public sealed class LineOfSightTests
{
    // 50 x 30 units; one wall tile covering x 20..30, y 10..20.
    private readonly CollisionMap pillar = new(SimulationContent.Zone(
        10f,
        ".....",
        "..#..",
        "....."));

    // Two wall tiles touching only at their corner (10, 10): x 10..20 y 0..10, and x 0..10 y 10..20.
    private readonly CollisionMap diagonal = new(SimulationContent.Zone(
        10f,
        ".#",
        "#."));

    [Theory]
    [InlineData(5f, 15f, 45f, 15f, false)] // straight through the pillar
    [InlineData(45f, 15f, 5f, 15f, false)] // the same, the other way
    [InlineData(25f, 5f, 25f, 25f, false)] // vertically through it
    [InlineData(15f, 5f, 35f, 25f, false)] // diagonally through its middle
    [InlineData(5f, 5f, 45f, 5f, true)] // below it
    [InlineData(5f, 25f, 45f, 25f, true)] // above it
    [InlineData(5f, 5f, 19f, 29f, true)] // past its left side
    [InlineData(12f, 12f, 18f, 18f, true)] // within one tile
    public void HasLineOfSight_IsBlockedByAWallTileOnTheLineOnly(float fromX, float fromY, float toX, float toY, bool expected)
    {
        Assert.Equal(expected, pillar.HasLineOfSight(new WorldPosition(fromX, fromY), new WorldPosition(toX, toY)));
    }

    [Fact]
    public void HasLineOfSight_ThroughTheCornerWhereTwoWallsMeetDiagonally_IsBlocked()
    {
        Assert.False(diagonal.HasLineOfSight(new WorldPosition(5f, 5f), new WorldPosition(15f, 15f)));
        Assert.False(diagonal.HasLineOfSight(new WorldPosition(15f, 15f), new WorldPosition(5f, 5f)));
    }
}
