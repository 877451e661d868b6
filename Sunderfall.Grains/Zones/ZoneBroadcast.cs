using Microsoft.Extensions.Logging;
using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.Zones.Simulation;

namespace Sunderfall.Grains.Zones;

/// <summary>
/// What a zone tells its frontends each tick: one batch per frontend (one-way), carrying the tick's changes, that
/// frontend's notices and acknowledgements, the combat events and the zone chat waiting to go out.
/// </summary>
internal sealed class ZoneBroadcast(string zoneId, ZoneMetrics metrics, ILogger logger)
{
    /// <summary>Most zone chat lines carried by one tick's batch; more wait for the next.</summary>
    public const int MaxChatPerTick = 50;

    private readonly Queue<ChatLine> chat = new();

    public void EnqueueChat(ChatLine line) => chat.Enqueue(line);

    /// <summary>Sends each frontend of the roster its batch for this tick; <paramref name="everything"/> fills a full one.</summary>
    public void Send(ZoneRoster roster, ZoneTickResult result, Func<IReadOnlyList<ZoneEntityState>> everything)
    {
        var lines = TakeChat();
        var events = result.Combat.Events.Count > 0 ? result.Combat.Events.ToArray() : null;
        foreach (var (frontendId, lease) in roster.Frontends)
        {
            var acks = roster.AcksFor(frontendId, result.Acks);
            ZoneTickBatch batch;
            if (lease.NeedsFull)
            {
                lease.NeedsFull = false;
                batch = new ZoneTickBatch(zoneId, result.Tick, lease.Sequence + 1, true, everything(), [], [], [.. lease.Notices], acks, events, lines);
            }
            else if (!result.IsEmpty || lease.Notices.Count > 0 || lines is not null)
            {
                batch = new ZoneTickBatch(
                    zoneId, result.Tick, lease.Sequence + 1, false, result.Spawned, result.Moved, result.Despawned, [.. lease.Notices], acks, events, lines);
            }
            else if (lease.ChangedLastTick)
            {
                // The first tick without changes after some: an empty batch tells the frontend the world stands still,
                // so it sends every client what it held back for its update rate (it would otherwise wait for a next
                // batch that a quiet zone never sends).
                batch = new ZoneTickBatch(zoneId, result.Tick, lease.Sequence + 1, false, [], [], [], [], acks, events, lines);
            }
            else
            {
                continue;
            }

            lease.ChangedLastTick = batch.Full || batch.Spawned.Count > 0 || batch.Moved.Count > 0 || batch.Despawned.Count > 0;
            lease.Sequence++;
            lease.Notices.Clear();
            try
            {
                // One-way: returns at once; a dead frontend costs nothing here and is dropped when its lease ends.
                _ = lease.Observers.Zone.OnZoneTickAsync(batch);
                metrics.BatchSent();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Zone {Zone} could not send tick {Tick} to frontend {Frontend}", zoneId, result.Tick, frontendId);
            }
        }
    }

    private List<ChatLine>? TakeChat()
    {
        if (chat.Count == 0)
        {
            return null;
        }

        var lines = new List<ChatLine>(Math.Min(chat.Count, MaxChatPerTick));
        while (lines.Count < MaxChatPerTick && chat.TryDequeue(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }
}
