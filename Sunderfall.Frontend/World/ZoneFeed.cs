using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sunderfall.Frontend.Connections;
using Sunderfall.Frontend.Game;
using Sunderfall.Frontend.Hosting;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Combat;
using Sunderfall.Protocol.Sync;
using Sunderfall.Protocol.World;

namespace Sunderfall.Frontend.World;

/// <summary>
/// This frontend's one zone observer. Each zone batch arrives here once; it updates the zone's mirror, handles the
/// notices for this frontend's players, and then each connection in the zone gets one message holding only what
/// changed in its area of interest since the last message it was sent: on every tick that applied one of its own
/// inputs (so a player sees its input's result at once) and otherwise every
/// <see cref="FrontendOptions.WorldUpdateEveryTicks"/> ticks. A message costs the frontend and the client far more
/// than its few bytes of content, so a client walking among others gets ~13 messages a second instead of 30 (at the default 30 Hz tick, every 3rd).
/// Nothing held back is lost when the zone goes still: see <see cref="SendsToEveryone"/>. Everything leaves through
/// each connection's outbox (<see cref="ClientConnection"/>): deltas latest-only, events in a capped queue, so a client
/// that stops reading costs a bounded amount and never holds this observer up.
/// </summary>
public sealed class ZoneFeed(
    IClusterClient client, ConnectionRegistry registry, IOptions<FrontendOptions> options, FrontendMetrics metrics, ILogger<ZoneFeed> logger)
    : IZoneObserver
{
    private readonly int updateEveryTicks = options.Value.WorldUpdateEveryTicks;

    private readonly ConcurrentDictionary<string, ZoneMirror> mirrors = new(StringComparer.Ordinal);
    private Func<ClientConnection, object?>? produceDelta;

    /// <summary>Computes a connection's delta when its outbox gets to it (so it always carries the newest state).</summary>
    private Func<ClientConnection, object?> ProduceDelta => produceDelta ??= NextDelta;

    /// <summary>The frontend's id, for resync requests; set once at start.</summary>
    public string FrontendId { get; set; } = "";

    /// <summary>Registers the view radius of a zone the first time a player enters it.</summary>
    public void Track(string zoneId, float viewRadius) => mirrors.GetOrAdd(zoneId, id => new ZoneMirror(id, viewRadius));

    /// <summary>
    /// Sends a connection that just entered its first delta if the zone's batch with its arrival came in before the
    /// connection was bound (a zone where nothing moves sends no further batch to trigger it).
    /// </summary>
    public void Refresh(ClientConnection session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.ScheduleDelta(HubNames.WorldDeltaEvent, ProduceDelta);
    }

    /// <summary>Grid cell size for a zone whose batches arrive before any player entered it here.</summary>
    private const float DefaultViewRadius = 60f;

    public Task OnZoneTickAsync(ZoneTickBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var arrivedAt = Stopwatch.GetTimestamp();
        var mirror = mirrors.GetOrAdd(batch.ZoneId, id => new ZoneMirror(id, DefaultViewRadius));
        bool applied;
        lock (mirror.Gate)
        {
            applied = mirror.Apply(batch);
            mirror.ArrivedAt = arrivedAt;
        }

        if (!applied)
        {
            logger.LogInformation("Zone {Zone} batch {Sequence} does not follow the last one; asking for a full batch", batch.ZoneId, batch.Sequence);
            _ = client.GetGrain<IZoneGrain>(batch.ZoneId).ResyncAsync(FrontendId);
        }

        foreach (var notice in batch.Notices)
        {
            HandleNotice(batch.ZoneId, notice);
        }

        foreach (var (playerId, sequence) in batch.Acks)
        {
            if (registry.FindPlayer(playerId) is { } session)
            {
                session.Acknowledge(sequence);
            }
        }

        var combat = batch.Combat is { Count: > 0 } events ? CombatFor(batch.ZoneId, events, mirror) : null;
        if (applied)
        {
            var everyone = SendsToEveryone(batch, updateEveryTicks);
            foreach (var session in registry.InZone(batch.ZoneId))
            {
                // A client told of a fight also gets its delta now (before the events), so the health bars and
                // positions it draws the numbers on are current. The ack is read without the session's lock: a stale
                // value only moves this client's update to the next tick.
                if (everyone || session.AckInput != session.LastSentAck || combat?.ContainsKey(session) == true)
                {
                    session.ScheduleDelta(HubNames.WorldDeltaEvent, ProduceDelta);
                }
            }
        }

        foreach (var (session, mine) in combat ?? [])
        {
            session.Send(HubNames.CombatEvent, new CombatEvents { Tick = batch.Tick, Events = mine });
        }

        foreach (var line in batch.Chat ?? [])
        {
            var message = WireMapping.ToWire(line);
            var bytes = ClientConnection.SizeOf(HubNames.ChatEvent, message);
            foreach (var session in registry.InZone(batch.ZoneId))
            {
                session.Send(HubNames.ChatEvent, message, bytes);
            }
        }

        metrics.BatchHandled(arrivedAt);
        return Task.CompletedTask;
    }

    /// <summary>Whether every client of a zone is sent its delta on this tick, not only those with an input answered.</summary>
    public static bool IsWorldUpdateTick(long tick, int everyTicks) => everyTicks <= 1 || tick % everyTicks == 0;

    /// <summary>
    /// Whether this batch sends every client of the zone its delta: on the update ticks; on a full batch (a new or
    /// restarted zone: clients must not keep a world that is gone); and on a batch that changes no entity, which the
    /// zone sends on the first still tick after a change, so what was held back goes out now instead of never.
    /// </summary>
    public static bool SendsToEveryone(ZoneTickBatch batch, int everyTicks)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return IsWorldUpdateTick(batch.Tick, everyTicks) || batch.Full
            || (batch.Spawned.Count == 0 && batch.Moved.Count == 0 && batch.Despawned.Count == 0);
    }

    // Each client gets the events whose source or target it can see (and every event about itself), unbatched:
    // damage numbers must not be coalesced away like positions are.
    private Dictionary<ClientConnection, List<CombatEventInfo>>? CombatFor(string zoneId, IReadOnlyList<CombatEvent> events, ZoneMirror mirror)
    {
        Dictionary<ClientConnection, List<CombatEventInfo>>? result = null;
        foreach (var session in registry.InZone(zoneId))
        {
            List<CombatEventInfo>? mine = null;
            lock (mirror.Gate)
            {
                if (!mirror.TryGet(session.SelfNetId, out var self))
                {
                    continue;
                }

                foreach (var e in events)
                {
                    if (Sees(mirror, self, session, e.SourceNetId) || Sees(mirror, self, session, e.TargetNetId))
                    {
                        (mine ??= []).Add(WireMapping.ToWire(e));
                    }
                }
            }

            if (mine is not null)
            {
                (result ??= [])[session] = mine;
            }
        }

        return result;
    }

    private static bool Sees(ZoneMirror mirror, VisibleEntity self, ClientConnection session, int netId)
    {
        if (netId == session.SelfNetId)
        {
            return true;
        }

        if (netId == 0 || !mirror.TryGet(netId, out var other))
        {
            return false;
        }

        var (dx, dy) = (other.X - self.X, other.Y - self.Y);
        return (dx * dx) + (dy * dy) <= session.ViewRadius * session.ViewRadius;
    }

    private void HandleNotice(string zoneId, PlayerNotice notice)
    {
        if (registry.FindPlayer(notice.PlayerId) is not { } session)
        {
            return;
        }

        switch (notice.Kind)
        {
            case PlayerNoticeKind.Arrived when notice.Entry is { } entry && (session.ZoneId != zoneId || session.SelfNetId != notice.NetId):
                Track(zoneId, entry.ViewRadius);
                registry.MoveToZone(session, zoneId, notice.NetId, entry.ViewRadius);
                session.Send(HubNames.ZoneChangedEvent, WireMapping.ToWire(entry));
                break;
            case PlayerNoticeKind.Departed when session.ZoneId == zoneId:
                session.BeginTransit();
                break;
            case PlayerNoticeKind.Vitals when notice.Vitals is { } vitals && session.ZoneId == zoneId:
                session.Send(HubNames.VitalsEvent, WireMapping.ToWire(vitals));
                break;
            case PlayerNoticeKind.AbilityFizzled when notice.Error is { } error:
                // Told as the refusal it is: the use was accepted when asked, but did not land at the tick.
                session.Send(HubNames.ErrorEvent, WireMapping.ToWire(error));
                break;
            case PlayerNoticeKind.Correction when notice.Error is { } error:
                session.Send(HubNames.CorrectionEvent, new MoveCorrection
                {
                    X = notice.Position.X,
                    Y = notice.Position.Y,
                    Error = WireMapping.ToWire(error),
                });
                break;
        }
    }

    private WorldDelta? NextDelta(ClientConnection session)
    {
        if (session.InTransit || !mirrors.TryGetValue(session.ZoneId, out var mirror))
        {
            return null;
        }

        if (Encode(session, mirror, session.Visible, out var batchArrivedAt) is not { } message)
        {
            return null;
        }

        metrics.DeltaSent(batchArrivedAt, message.Payload.Length);
        return message;
    }

    private static WorldDelta? Encode(ClientConnection session, ZoneMirror mirror, List<VisibleEntity> visible, out long batchArrivedAt)
    {
        visible.Clear();
        byte[] payload;
        long tick;
        lock (mirror.Gate)
        {
            batchArrivedAt = mirror.ArrivedAt;
            if (mirror.Sequence < 0 || !mirror.TryGet(session.SelfNetId, out var self))
            {
                return null;
            }

            mirror.Query(self.X, self.Y, session.ViewRadius, visible);
            tick = mirror.Tick;
            payload = session.EncodeView(visible);
        }

        // Nothing in view changed and no new input was applied: the client needs no message this tick.
        var ack = session.AckInput;
        if (DeltaPayload.IsEmpty(payload) && ack == session.LastSentAck)
        {
            return null;
        }

        session.MarkAckSent(ack);
        return new WorldDelta { ZoneId = session.ZoneId, Tick = tick, AckInput = ack, SelfNetId = session.SelfNetId, Payload = payload };
    }
}
