using Sunderfall.Grains.AntiCheat;
using Sunderfall.Grains.Interfaces.Common;
using Xunit;

namespace Sunderfall.Grains.Tests.AntiCheat;

/// <summary>What a zone tells the monitor during its ticks, and the flags that reach the sink.</summary>
public sealed class ZoneSuspicionMonitorTests
{
    private const string Zone = "ashen-vale/1";
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private static readonly GameError Malformed = new(GameErrorCode.InvalidArgument, "dirX and dirY must be finite numbers (not NaN or infinity)");

    private readonly RecordingCheatFlagSink sink = new();
    private readonly Guid player = Guid.NewGuid();

    [Fact]
    public void EndTick_AfterFiveMalformedInputs_ReportsOneMalformedInputFlagNamingTheZone()
    {
        var monitor = new ZoneSuspicionMonitor(sink);
        for (var i = 0; i < 5; i++)
        {
            monitor.InputReceived(player, Malformed);
        }

        var raised = monitor.EndTick(Zone, Start);

        var flag = Assert.Single(sink.Flags);
        Assert.Equal(1, raised);
        Assert.Equal((player, SuspicionRules.MalformedInput, 5, Zone), (flag.PlayerId!.Value, flag.Kind, flag.Count, flag.Details["zone"]));
    }

    [Fact]
    public void EndTick_AfterTenMalformedInputsOverTenTicks_ReportsOneFlagOnly()
    {
        var monitor = new ZoneSuspicionMonitor(sink);
        for (var i = 0; i < 10; i++)
        {
            monitor.InputReceived(player, Malformed);
            monitor.EndTick(Zone, Start + (Tick * i));
        }

        Assert.Equal(SuspicionRules.MalformedInput, Assert.Single(sink.Flags).Kind);
    }

    [Fact]
    public void InputReceived_RefusedAsNotInZone_IsNotCountedAgainstThePlayer()
    {
        var monitor = new ZoneSuspicionMonitor(sink);
        for (var i = 0; i < 100; i++)
        {
            monitor.InputReceived(player, new GameError(GameErrorCode.NotInZone, "the player is not in zone ashen-vale"));
            monitor.EndTick(Zone, Start + (Tick * i));
        }

        Assert.Empty(sink.Flags);
    }

    [Fact]
    public void EndTick_WithTwoValidInputsEveryTickForTwoSeconds_ReportsAnInputFlood()
    {
        // Forty a second at a 50 ms tick; the frontend's rate limit normally stops this first.
        var monitor = new ZoneSuspicionMonitor(sink);
        for (var i = 0; i < 50; i++)
        {
            monitor.InputReceived(player, null);
            monitor.InputReceived(player, null);
            monitor.EndTick(Zone, Start + (Tick * i));
        }

        var flood = Assert.Single(sink.Flags);
        Assert.Equal(SuspicionRules.InputFlood, flood.Kind);
    }

    [Fact]
    public void EndTick_WithOneValidInputEveryTick_ReportsNothing()
    {
        var monitor = new ZoneSuspicionMonitor(sink);
        for (var i = 0; i < 400; i++)
        {
            monitor.InputReceived(player, null);
            monitor.EndTick(Zone, Start + (Tick * i));
        }

        Assert.Empty(sink.Flags);
    }

    [Fact]
    public void EndTick_AfterAHundredAndTwentyWallClipsWithinAMinute_ReportsALowSeverityWallClipFlag()
    {
        var monitor = new ZoneSuspicionMonitor(sink);
        for (var i = 0; i < 120; i++)
        {
            monitor.WallClipped(player);
            monitor.EndTick(Zone, Start + (Tick * 10 * i));
        }

        var clips = Assert.Single(sink.Flags);
        Assert.Equal((SuspicionRules.WallClip, (short)1, 120), (clips.Kind, clips.Severity, clips.Count));
    }
}
