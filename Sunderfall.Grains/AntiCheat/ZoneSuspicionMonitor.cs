using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.AntiCheat;

/// <summary>
/// A zone's watch on its players: tallies each player's inputs, malformed inputs, wall clips and refused ability uses during a tick, feeds
/// the tallies to a <see cref="SuspicionCounter"/> when the tick ends and sends the flags it raises to the
/// <see cref="ICheatFlagSink"/>. Owned by one zone grain, so single-threaded.
/// </summary>
public sealed class ZoneSuspicionMonitor(ICheatFlagSink sink, SuspicionCounter counter)
{
    /// <summary>How often players without recent events are forgotten.</summary>
    public static readonly TimeSpan PruneInterval = TimeSpan.FromSeconds(10);

    private readonly Dictionary<Guid, Tally> tallies = [];
    private DateTimeOffset lastPrune = DateTimeOffset.MinValue;

    /// <summary>A monitor with the default rules.</summary>
    public ZoneSuspicionMonitor(ICheatFlagSink sink)
        : this(sink, new SuspicionCounter())
    {
    }

    /// <summary>
    /// Counts an input a player sent, and <paramref name="refusal"/> when its content was refused (InvalidArgument).
    /// Inputs for players the zone does not hold (NotInZone) are not theirs to count here.
    /// </summary>
    public void InputReceived(Guid playerId, GameError? refusal)
    {
        if (refusal?.Code == GameErrorCode.NotInZone)
        {
            return;
        }

        var tally = TallyOf(playerId);
        tally.Inputs++;
        if (refusal?.Code == GameErrorCode.InvalidArgument)
        {
            tally.Malformed++;
        }
    }

    /// <summary>Counts an ability use refused for its cooldown or the player's resource (other refusals are not suspicious).</summary>
    public void AbilityRefused(Guid playerId, GameError? refusal)
    {
        if (refusal?.Code is GameErrorCode.OnCooldown or GameErrorCode.NotEnoughResource)
        {
            TallyOf(playerId).CooldownRefusals++;
        }
    }

    /// <summary>Counts a move the zone clipped at a wall or the zone's edge.</summary>
    public void WallClipped(Guid playerId) => TallyOf(playerId).WallClips++;

    /// <summary>Feeds this tick's tallies to the counter and reports any flag raised, stamped with the zone; returns the flags raised.</summary>
    public int EndTick(string zoneId, DateTimeOffset now)
    {
        var raised = 0;
        foreach (var (playerId, tally) in tallies)
        {
            raised += Feed(zoneId, playerId, SuspicionRules.MalformedInput, tally.Malformed, now);
            raised += Feed(zoneId, playerId, SuspicionRules.InputFlood, tally.Inputs, now);
            raised += Feed(zoneId, playerId, SuspicionRules.WallClip, tally.WallClips, now);
            raised += Feed(zoneId, playerId, SuspicionRules.CooldownBypass, tally.CooldownRefusals, now);
        }

        tallies.Clear();
        if (now - lastPrune >= PruneInterval)
        {
            lastPrune = now;
            counter.Prune(now);
        }

        return raised;
    }

    private int Feed(string zoneId, Guid playerId, string kind, int count, DateTimeOffset now)
    {
        if (counter.Record(playerId, kind, count, now) is not { } flag)
        {
            return 0;
        }

        sink.Report(flag with { Details = new Dictionary<string, string>(flag.Details, StringComparer.Ordinal) { ["zone"] = zoneId } });
        return 1;
    }

    private Tally TallyOf(Guid playerId)
    {
        if (!tallies.TryGetValue(playerId, out var tally))
        {
            tally = new Tally();
            tallies.Add(playerId, tally);
        }

        return tally;
    }

    private sealed class Tally
    {
        public int Inputs { get; set; }

        public int Malformed { get; set; }

        public int WallClips { get; set; }

        public int CooldownRefusals { get; set; }
    }
}
