using CsCheck;
using Sunderfall.Protocol.Sync;
using Xunit;

namespace Sunderfall.Protocol.Tests.Sync;

public sealed class QuantizationTests
{
    [Theory]
    [InlineData(0f, 0)]
    [InlineData(1f, 16)]
    [InlineData(1000f, 16_000)]
    [InlineData(0.03f, 0)]
    [InlineData(0.032f, 1)]
    [InlineData(0.03125f, 1)]
    [InlineData(-0.03125f, -1)]
    [InlineData(0.09375f, 2)]
    [InlineData(-2.5f, -40)]
    public void Quantize_RoundsToTheNearestSixteenthWithHalvesAwayFromZero(float units, int expected)
    {
        Assert.Equal(expected, Quantization.Quantize(units));
    }

    [Fact]
    public void QuantizeThenToUnits_IsNeverMoreThanHalfAStepAway()
    {
        Gen.Float[-Quantization.MaxUnits, Quantization.MaxUnits].Sample(units =>
        {
            float back = Quantization.ToUnits(Quantization.Quantize(units));
            Assert.True(Math.Abs((double)back - units) <= 0.5 / Quantization.Scale, $"{units} came back as {back}");
        }, iter: 10_000);
    }

    [Fact]
    public void ToUnitsThenQuantize_ReturnsTheSameStepForEveryAcceptedPosition()
    {
        const int maxSteps = (int)Quantization.MaxUnits * Quantization.Scale;
        Gen.Int[-maxSteps, maxSteps].Sample(
            step => Assert.Equal(step, Quantization.Quantize(Quantization.ToUnits(step))),
            iter: 10_000);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(1_000_001f)]
    [InlineData(-1_000_001f)]
    public void Quantize_WhenThePositionIsNotFiniteOrTooFar_ThrowsNamingTheAllowedRange(float units)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Quantization.Quantize(units));

        Assert.Contains("finite and within -1000000..1000000 units", error.Message, StringComparison.Ordinal);
    }
}
