using Sunderfall.Frontend.Edge;
using Xunit;

namespace Sunderfall.Frontend.Tests.Edge;

public sealed class RefusalCounterTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly HubAbuseRule FivePerMinute = new("invalid_invocation", 5, TimeSpan.FromSeconds(60), 3, "5 in 60 s");

    [Fact]
    public void Record_AtTheThreshold_FlagsOnce_ThenNotAgainWithinTheCooldown()
    {
        var counter = new RefusalCounter(TimeSpan.FromSeconds(60));

        var results = Enumerable.Range(0, 12).Select(i => counter.Record("a", FivePerMinute, Start.AddSeconds(i))).ToList();
        var afterCooldown = counter.Record("a", FivePerMinute, Start.AddSeconds(65));

        Assert.Equal([null, null, null, null, 5, null, null, null, null, null, null, null], results);
        Assert.NotNull(afterCooldown);
    }

    [Fact]
    public void Record_RefusalsSpreadWiderThanTheWindow_NeverFlag()
    {
        var counter = new RefusalCounter(TimeSpan.FromSeconds(60));

        var results = Enumerable.Range(0, 20).Select(i => counter.Record("a", FivePerMinute, Start.AddSeconds(i * 15))).ToList();

        Assert.All(results, Assert.Null);
    }

    [Fact]
    public void Record_CountsEachAccountAndKindApart()
    {
        var counter = new RefusalCounter(TimeSpan.FromSeconds(60));
        var otherKind = FivePerMinute with { Kind = "hub_rate_limited" };

        for (var i = 0; i < 4; i++)
        {
            Assert.Null(counter.Record("a", FivePerMinute, Start));
            Assert.Null(counter.Record("b", FivePerMinute, Start));
            Assert.Null(counter.Record("a", otherKind, Start));
        }

        Assert.Equal(3, counter.Tracked);
        Assert.Equal(5, counter.Record("b", FivePerMinute, Start));
    }

    [Fact]
    public void Prune_ForgetsAccountsWhoseRefusalsLeftTheWindowAndWhoseFlagIsPastTheCooldown()
    {
        var counter = new RefusalCounter(TimeSpan.FromSeconds(60));
        for (var i = 0; i < 5; i++)
        {
            counter.Record("flagged", FivePerMinute, Start);
        }

        counter.Record("quiet", FivePerMinute, Start);
        counter.Record("recent", FivePerMinute, Start.AddSeconds(50));

        // A flag within the cooldown is remembered even with no refusal left in the window (so no second flag yet).
        counter.Prune(Start.AddSeconds(59), TimeSpan.FromSeconds(10));
        Assert.Equal(2, counter.Tracked);
        counter.Prune(Start.AddSeconds(61), FivePerMinute.Window);
        Assert.Equal(1, counter.Tracked);
        counter.Prune(Start.AddSeconds(111), FivePerMinute.Window);
        Assert.Equal(0, counter.Tracked);
    }
}
