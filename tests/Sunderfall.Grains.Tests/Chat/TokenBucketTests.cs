using Sunderfall.Grains.Chat;
using Xunit;

namespace Sunderfall.Grains.Tests.Chat;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryTake_AllowsTheBurstAtOnce_ThenRefusesSayingHowLongToWait()
    {
        var bucket = new TokenBucket(5, 1.0);

        var taken = Enumerable.Range(0, 5).Count(i => bucket.TryTake(Start, out _));
        var refused = !bucket.TryTake(Start, out var retryAfter);

        Assert.Equal(5, taken);
        Assert.True(refused);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public void TryTake_RefillsAtTheSustainedRate_ButNeverAboveTheBurst()
    {
        var bucket = new TokenBucket(5, 1.0);
        for (var i = 0; i < 5; i++)
        {
            bucket.TryTake(Start, out _);
        }

        Assert.False(bucket.TryTake(Start.AddMilliseconds(900), out _));
        Assert.True(bucket.TryTake(Start.AddMilliseconds(1100), out _));
        Assert.False(bucket.TryTake(Start.AddMilliseconds(1600), out _));

        var later = Start.AddHours(1);
        Assert.Equal(5, Enumerable.Range(0, 10).Count(i => bucket.TryTake(later, out _)));
    }

    [Fact]
    public void TryTake_WhenTheClockStepsBack_RefillsNothing()
    {
        var bucket = new TokenBucket(1, 1.0);
        Assert.True(bucket.TryTake(Start, out _));

        Assert.False(bucket.TryTake(Start.AddSeconds(-30), out _));
        Assert.False(bucket.TryTake(Start.AddMilliseconds(500), out _));
        Assert.True(bucket.TryTake(Start.AddSeconds(1), out _));
    }
}
