using Sunderfall.Grains.AntiCheat;
using Xunit;

namespace Sunderfall.Grains.Tests.AntiCheat;

/// <summary>The default rules, replayed on explicit timestamps (no clock): what raises a flag, what does not, and how often.</summary>
public sealed class SuspicionCounterTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly SuspicionCounter counter = new();
    private readonly Guid player = Guid.NewGuid();

    [Fact]
    public void Record_FourMalformedInputsWithinAMinute_RaisesNoFlag()
    {
        var flags = Enumerable.Range(0, 4).Select(i => counter.Record(player, SuspicionRules.MalformedInput, 1, Start.AddSeconds(i * 10)));

        Assert.All(flags, Assert.Null);
    }

    [Fact]
    public void Record_TheFifthMalformedInputWithinAMinute_RaisesAHighSeverityFlagForThePlayerWithTheCount()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(counter.Record(player, SuspicionRules.MalformedInput, 1, Start.AddSeconds(i * 10)));
        }

        var flag = counter.Record(player, SuspicionRules.MalformedInput, 1, Start.AddSeconds(50));

        Assert.NotNull(flag);
        Assert.Equal((Start.AddSeconds(50), player, (Guid?)null, SuspicionRules.MalformedInput, (short)3, 5), (flag.At, flag.PlayerId!.Value, flag.AccountId, flag.Kind, flag.Severity, flag.Count));
        Assert.Equal("5", flag.Details["threshold"]);
        Assert.Equal("60", flag.Details["window_seconds"]);
    }

    [Fact]
    public void Record_MalformedInputsSpreadThinnerThanFiveAMinute_NeverRaiseAFlag()
    {
        // One every 15 s: the window (now - 60 s, now] never holds more than four.
        var flags = Enumerable.Range(0, 40).Select(i => counter.Record(player, SuspicionRules.MalformedInput, 1, Start.AddSeconds(i * 15)));

        Assert.All(flags, Assert.Null);
    }

    [Fact]
    public void Record_MalformedInputsAllMinuteLong_RaiseOneFlagAMinuteNotAStorm()
    {
        // Ten a second for 150 s: flagged at 0.4 s (the fifth), again once the cooldown has passed at 60.4 s and 120.4 s.
        var flags = new List<CheatFlag>();
        for (var i = 0; i < 1500; i++)
        {
            if (counter.Record(player, SuspicionRules.MalformedInput, 1, Start.AddMilliseconds(i * 100)) is { } flag)
            {
                flags.Add(flag);
            }
        }

        Assert.Equal([Start.AddMilliseconds(400), Start.AddMilliseconds(60_400), Start.AddMilliseconds(120_400)], flags.Select(f => f.At));
        Assert.Equal(600, flags[1].Count);
    }

    [Fact]
    public void Record_ForTwoPlayers_CountsAndFlagsEachOnItsOwn()
    {
        var other = Guid.NewGuid();
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(counter.Record(player, SuspicionRules.MalformedInput, 1, Start.AddSeconds(i)));
            Assert.Null(counter.Record(other, SuspicionRules.MalformedInput, 1, Start.AddSeconds(i)));
        }

        var playersFifth = counter.Record(player, SuspicionRules.MalformedInput, 1, Start.AddSeconds(5));

        Assert.Equal(player, playersFifth?.PlayerId);
        Assert.Equal(other, counter.Record(other, SuspicionRules.MalformedInput, 1, Start.AddSeconds(6))?.PlayerId);
    }

    [Fact]
    public void Record_AFlagForOneKind_DoesNotHoldBackAFlagForAnother()
    {
        var malformed = counter.Record(player, SuspicionRules.MalformedInput, 5, Start);

        var clips = counter.Record(player, SuspicionRules.WallClip, 120, Start.AddSeconds(1));

        Assert.Equal(SuspicionRules.MalformedInput, malformed?.Kind);
        Assert.Equal(SuspicionRules.WallClip, clips?.Kind);
    }

    [Fact]
    public void Record_ABurstOfInputsInOneTick_IsNotAFlood()
    {
        // A client that lost its connection for a moment may deliver its queued inputs at once.
        var burst = counter.Record(player, SuspicionRules.InputFlood, 100, Start);
        var after = Enumerable.Range(1, 60).Select(i => counter.Record(player, SuspicionRules.InputFlood, 1, Start + (Tick * i)));

        Assert.Null(burst);
        Assert.All(after, Assert.Null);
    }

    [Fact]
    public void Record_FortyInputsASecondForOneSecond_IsNotYetAFlood()
    {
        var flags = Enumerable.Range(0, 20).Select(i => counter.Record(player, SuspicionRules.InputFlood, 2, Start + (Tick * i)));

        Assert.All(flags, Assert.Null);
    }

    [Fact]
    public void Record_FortyInputsASecondKeptUpForTwoSeconds_IsFlaggedAsAFloodOnce()
    {
        // Two inputs every 50 ms tick for 5 s.
        var flags = new List<CheatFlag>();
        for (var i = 0; i < 100; i++)
        {
            if (counter.Record(player, SuspicionRules.InputFlood, 2, Start + (Tick * i)) is { } flag)
            {
                flags.Add(flag);
            }
        }

        var flood = Assert.Single(flags);
        Assert.Equal(SuspicionRules.InputFlood, flood.Kind);
        Assert.Equal(2, flood.Severity);
        // Flagged once two consecutive one-second windows each held 30: the older one filled 0.75 s in, at 40 a second.
        Assert.Equal(TimeSpan.FromSeconds(1.7), flood.At - Start);
        Assert.Equal(70, flood.Count);
    }

    [Fact]
    public void Record_TwentyFiveInputsASecondForMinutes_IsNeverAFlood()
    {
        var flags = Enumerable.Range(0, 25 * 180).Select(i => counter.Record(player, SuspicionRules.InputFlood, 1, Start.AddMilliseconds(i * 40)));

        Assert.All(flags, Assert.Null);
    }

    [Fact]
    public void Record_WallClipsUpToTwoASecond_AreFlaggedWithLowSeverityOnlyAtTheHundredAndTwentiethInAMinute()
    {
        var flags = Enumerable.Range(0, 120).Select(i => counter.Record(player, SuspicionRules.WallClip, 1, Start.AddMilliseconds(i * 490))).ToList();

        Assert.All(flags.Take(119), Assert.Null);
        Assert.Equal((SuspicionRules.WallClip, (short)1, 120), (flags[119]!.Kind, flags[119]!.Severity, flags[119]!.Count));
    }

    [Fact]
    public void Record_WithATimeEarlierThanTheLastOne_CountsItAtTheLastTime()
    {
        counter.Record(player, SuspicionRules.MalformedInput, 4, Start.AddSeconds(30));

        var flag = counter.Record(player, SuspicionRules.MalformedInput, 1, Start);

        Assert.Equal(Start.AddSeconds(30), flag?.At);
    }

    [Fact]
    public void Record_AnUnknownKind_IsRefusedNamingTheKnownKinds()
    {
        var refused = Assert.Throws<ArgumentException>(() => counter.Record(player, "aimbot", 1, Start));

        Assert.Contains("malformed_input, input_flood, wall_clip", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prune_ForgetsQuietPlayers_ButRemembersARecentFlagSoTheCooldownHolds()
    {
        var quiet = Guid.NewGuid();
        counter.Record(quiet, SuspicionRules.InputFlood, 1, Start);
        counter.Record(player, SuspicionRules.InputFlood, 30, Start);
        var flood = counter.Record(player, SuspicionRules.InputFlood, 30, Start.AddSeconds(1));

        // Both players' inputs have left the 2 s window; only the flagged player's cooldown is still running.
        counter.Prune(Start.AddSeconds(10));
        counter.Record(player, SuspicionRules.InputFlood, 30, Start.AddSeconds(20));
        var again = counter.Record(player, SuspicionRules.InputFlood, 30, Start.AddSeconds(21));

        Assert.NotNull(flood);
        Assert.Equal(1, counter.TrackedPlayers);
        Assert.Null(again);
    }

    [Fact]
    public void Prune_OnceTheCooldownHasPassed_ForgetsTheFlaggedPlayerToo()
    {
        counter.Record(player, SuspicionRules.MalformedInput, 5, Start);

        counter.Prune(Start.AddSeconds(60));

        Assert.Equal(0, counter.TrackedPlayers);
        Assert.NotNull(counter.Record(player, SuspicionRules.MalformedInput, 5, Start.AddSeconds(61)));
    }
}
