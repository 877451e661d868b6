using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Zones.Simulation;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones.Simulation;

public sealed class InputRulesTests
{
    [Theory]
    [InlineData(float.NaN, 0f)]
    [InlineData(0f, float.NaN)]
    [InlineData(float.PositiveInfinity, 0f)]
    [InlineData(0f, float.NegativeInfinity)]
    public void Check_WhenTheDirectionIsNotFinite_IsRefusedAsInvalidArgument(float dirX, float dirY)
    {
        var error = InputRules.Check(new MoveInput(1, dirX, dirY));

        Assert.Equal(GameErrorCode.InvalidArgument, error?.Code);
        Assert.Contains("finite", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2f, 0f, "length 2")]
    [InlineData(3f, -4f, "length 5")]
    [InlineData(0.8f, 0.8f, "length 1.131")]
    public void Check_WhenTheDirectionIsLongerThanOne_IsRefusedGivingItsLengthAndTheLimit(float dirX, float dirY, string length)
    {
        var error = InputRules.Check(new MoveInput(1, dirX, dirY));

        Assert.Equal(GameErrorCode.InvalidArgument, error?.Code);
        Assert.Contains(length, error!.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenTheSequenceIsNegative_IsRefusedSayingSequencesCountUpFromZero()
    {
        var error = InputRules.Check(new MoveInput(-1, 1f, 0f));

        Assert.Equal(GameErrorCode.InvalidArgument, error?.Code);
        Assert.Contains("sequence -1", error!.Message, StringComparison.Ordinal);
        Assert.Contains("from 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(1f, 0f)]
    [InlineData(-1f, 0f)]
    [InlineData(0f, 1f)]
    [InlineData(0f, -1f)]
    [InlineData(0.6f, -0.8f)]
    [InlineData(0.70710677f, 0.70710677f)]
    [InlineData(0.5f, 0f)]
    public void Check_WhenTheDirectionIsAtMostOneLong_AcceptsIt(float dirX, float dirY) =>
        Assert.Null(InputRules.Check(new MoveInput(0, dirX, dirY)));

    [Fact]
    public void Check_WhenAClientRoundsItsUnitVectorSlightlyLong_AcceptsIt() =>
        Assert.Null(InputRules.Check(new MoveInput(1, 1.0005f, 0f)));
}
