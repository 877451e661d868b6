using Sunderfall.Content.Definitions;
using Xunit;

namespace Sunderfall.Content.Tests;

public sealed class ZoneMapTests
{
    // 3 x 2 tiles of 10 units: a wall in the middle of the top row.
    private static readonly ZoneDefinition Zone = new()
    {
        Id = "tiny",
        Name = "Tiny",
        Tiles = [".#.", "..."],
        Spawn = new PointDefinition(5, 5),
    };

    [Theory]
    [InlineData(5, 5, true)]
    [InlineData(15, 5, false)]
    [InlineData(15, 15, true)]
    [InlineData(29.9f, 19.9f, true)]
    public void IsFloor_ReadsTheTileUnderThePointWithRowZeroAtTheTop(float x, float y, bool floor)
    {
        Assert.Equal(floor, ZoneMap.IsFloor(Zone, x, y));
    }

    [Theory]
    [InlineData(-0.1f, 5)]
    [InlineData(30, 5)]
    [InlineData(5, 20)]
    [InlineData(float.NaN, 5)]
    public void IsFloor_WhenThePointIsOffTheMap_IsFalse(float x, float y)
    {
        Assert.False(ZoneMap.IsFloor(Zone, x, y));
    }

    [Fact]
    public void TryGetTile_GivesTheRowFromYAndTheColumnFromX()
    {
        Assert.True(ZoneMap.TryGetTile(Zone, 25, 12, out var row, out var column));

        Assert.Equal((1, 2), (row, column));
    }
}
