using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Zones;
using Xunit;

namespace Sunderfall.Grains.Tests.Zones;

public sealed class MovementRulesTests
{
    private const float Width = 1000f;
    private const float Height = 500f;
    private const float MaxSpeed = 10f;
    private const float Slack = 1f;

    private static readonly WorldPosition Start = new(100f, 100f);

    private readonly MovementRules rules = new(Width, Height, MaxSpeed, Slack);

    [Theory]
    [InlineData(float.NaN, 100f)]
    [InlineData(100f, float.NaN)]
    [InlineData(float.PositiveInfinity, 100f)]
    [InlineData(100f, float.NegativeInfinity)]
    public void Check_WhenTargetIsNotFinite_IsRefusedAsInvalidArgument(float x, float y)
    {
        var error = rules.Check(Start, new WorldPosition(x, y), TimeSpan.FromSeconds(1));

        Assert.NotNull(error);
        Assert.Equal(GameErrorCode.InvalidArgument, error.Code);
        Assert.Contains("finite", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5f, 100f)]
    [InlineData(1000.5f, 100f)]
    [InlineData(100f, -1f)]
    [InlineData(100f, 500.5f)]
    public void Check_WhenTargetIsOutsideTheZone_IsRefusedNamingTheAllowedRanges(float x, float y)
    {
        var error = rules.Check(Start, new WorldPosition(x, y), TimeSpan.FromSeconds(1));

        Assert.NotNull(error);
        Assert.Equal(GameErrorCode.InvalidArgument, error.Code);
        Assert.Contains("x must be within 0..1000", error.Message, StringComparison.Ordinal);
        Assert.Contains("y within 0..500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenTargetIsOnTheZoneEdge_IsAccepted()
    {
        var corner = new WorldPosition(Width, Height);

        Assert.Null(rules.Check(new WorldPosition(Width - 1f, Height - 1f), corner, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Check_WhenDistanceIsWithinSpeedTimesElapsedPlusSlack_IsAccepted()
    {
        // Half a second allows 10 * 0.5 + 1 = 6 units.
        var target = new WorldPosition(Start.X + 5.9f, Start.Y);

        Assert.Null(rules.Check(Start, target, TimeSpan.FromSeconds(0.5)));
    }

    [Fact]
    public void Check_WhenFasterThanTheLimit_IsRefusedGivingTheSpeedAndTheLimit()
    {
        // 20 units in half a second is 40 units/s against a limit of 10 (+1 unit slack).
        var target = new WorldPosition(Start.X + 20f, Start.Y);

        var error = rules.Check(Start, target, TimeSpan.FromSeconds(0.5));

        Assert.NotNull(error);
        Assert.Equal(GameErrorCode.MoveRejected, error.Code);
        Assert.Contains("speed 40", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit is 10 units/s plus 1 units", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AfterStandingStillLongerThanMaxCreditedIdle_DoesNotAllowATeleport()
    {
        var longestCreditedMove = (MaxSpeed * (float)MovementRules.MaxCreditedIdle.TotalSeconds) + Slack;
        var anHour = TimeSpan.FromHours(1);

        var beyondCredit = rules.Check(Start, new WorldPosition(Start.X + longestCreditedMove + 1f, Start.Y), anHour);
        var withinCredit = rules.Check(Start, new WorldPosition(Start.X + longestCreditedMove - 0.1f, Start.Y), anHour);

        Assert.NotNull(beyondCredit);
        Assert.Equal(GameErrorCode.MoveRejected, beyondCredit.Code);
        Assert.Null(withinCredit);
    }

    [Fact]
    public void Check_WhenNoTimeHasPassed_AllowsOnlyTheSlack()
    {
        Assert.Null(rules.Check(Start, new WorldPosition(Start.X + (Slack * 0.9f), Start.Y), TimeSpan.Zero));

        var error = rules.Check(Start, new WorldPosition(Start.X + (Slack * 2f), Start.Y), TimeSpan.Zero);

        Assert.NotNull(error);
        Assert.Equal(GameErrorCode.MoveRejected, error.Code);
    }
}
