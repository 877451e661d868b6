using MessagePack;
using Sunderfall.Frontend.Game;
using Sunderfall.Protocol.Sync;

namespace Sunderfall.Frontend.Connections;

/// <summary>
/// One live hub connection of this frontend, from connect to disconnect: who opened it (account and sign-in session),
/// which character it plays in which zone instance (its binding), and everything it is sent (its
/// <see cref="ConnectionOutbox"/>: one write in flight, capped events, deltas latest-only). The binding changes only
/// through this class's methods (zone moves through <see cref="ConnectionRegistry"/>, which indexes connections by
/// zone). A client that stops reading is dropped: when an event would pass the outbox's caps, or when one write has been
/// in flight longer than the stall bound (<see cref="DropIfStalled"/>).
/// </summary>
public sealed class ClientConnection
{
    private readonly Lock gate = new();
    private readonly DeltaEncoder encoder = new();
    private readonly Action abort;
    private readonly ConnectionMetrics metrics;
    private readonly ILogger logger;
    private readonly ConnectionOutbox outbox;
    private long ackInput = -1;
    private long lastSentAck = -2;
    private int dropped;
    private BoundProducer? deltaThunk;

    public ClientConnection(
        string connectionId, Guid accountId, Guid sessionId, Func<string, object, Task> send, Action abort, OutboxOptions limits, ConnectionMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(abort);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        ConnectionId = connectionId;
        AccountId = accountId;
        SessionId = sessionId;
        this.abort = abort;
        this.metrics = metrics;
        this.logger = logger;
        outbox = new ConnectionOutbox(send, limits, metrics, logger);
    }

    public string ConnectionId { get; }

    /// <summary>The signed-in account that opened the connection (the token's subject).</summary>
    public Guid AccountId { get; }

    /// <summary>The sign-in session the connection's token names.</summary>
    public Guid SessionId { get; }

    /// <summary>Whether the connection plays a character now (between EnterWorld and LeaveWorld, a displacement or the end).</summary>
    public bool InWorld { get; private set; }

    /// <summary>The character played (the last one, once out of the world).</summary>
    public Guid PlayerId { get; private set; }

    /// <summary>The zone instance the character is in; changes when it goes through a portal.</summary>
    public string ZoneId { get; private set; } = "";

    public int SelfNetId { get; private set; }

    /// <summary>How far the character sees in its current zone.</summary>
    public float ViewRadius { get; private set; }

    /// <summary>Between leaving a zone through a portal and arriving in the next: nothing is sent.</summary>
    public bool InTransit => TransitStarted is not null;

    /// <summary>When the current transit began; a transit that never ends (a silo died) is resolved by re-entering.</summary>
    public DateTimeOffset? TransitStarted { get; private set; }

    /// <summary>Newest input the zone has applied, echoed to the client.</summary>
    public long AckInput => Volatile.Read(ref ackInput);

    /// <summary>The AckInput carried by the last delta sent.</summary>
    public long LastSentAck => Volatile.Read(ref lastSentAck);

    /// <summary>Scratch list for the area-of-interest query; used only by the one delta being computed.</summary>
    public List<VisibleEntity> Visible { get; } = [];

    /// <summary>Events waiting to be written to this connection.</summary>
    public int QueuedEvents => outbox.QueuedEvents;

    /// <summary>Bytes of the events waiting to be written to this connection.</summary>
    public long QueuedBytes => outbox.QueuedBytes;

    /// <summary>Whether the connection was dropped for not reading.</summary>
    public bool IsDropped => Volatile.Read(ref dropped) == 1;

    /// <summary>The newest input the zone applied for this character.</summary>
    public void Acknowledge(long sequence) => Volatile.Write(ref ackInput, sequence);

    /// <summary>The character left its zone through a portal: nothing is sent until it arrives.</summary>
    public void BeginTransit()
    {
        lock (gate)
        {
            TransitStarted ??= DateTimeOffset.UtcNow;
        }
    }

    /// <summary>
    /// Encodes what changed in view since the last delta (the caller sends it) and remembers the ack it carries. Called
    /// only by the one delta being computed, which the outbox runs one at a time.
    /// </summary>
    public byte[] EncodeView(IReadOnlyList<VisibleEntity> visible)
    {
        lock (gate)
        {
            return encoder.Encode(visible);
        }
    }

    /// <summary>Remembers the ack the delta being sent carries.</summary>
    public void MarkAckSent(long ack) => Volatile.Write(ref lastSentAck, ack);

    /// <summary>Queues an event for the client; a client whose queue is full is dropped instead.</summary>
    public void Send(string method, object message) => Send(method, message, SizeOf(method, message));

    /// <summary>Queues an event whose size (<see cref="SizeOf"/>) is already known, e.g. one sent to a whole zone.</summary>
    public void Send(string method, object message, int bytes)
    {
        if (!outbox.TryEnqueue(method, message, bytes))
        {
            Drop(DropReasons.QueueFull, $"{outbox.QueuedEvents} events of {outbox.QueuedBytes} bytes are waiting and {method} ({bytes} bytes) would pass the cap");
        }
    }

    /// <summary>
    /// Queues a last event (why the connection is being closed) and closes the connection once it is written; a client
    /// that does not read is closed by the stall bound or the cap instead.
    /// </summary>
    public void SendThenClose(string method, object message)
    {
        var bytes = SizeOf(method, message);
        if (!outbox.TryEnqueue(method, message, bytes, abort))
        {
            Drop(DropReasons.QueueFull, $"{outbox.QueuedEvents} events of {outbox.QueuedBytes} bytes are waiting and {method} ({bytes} bytes) would pass the cap");
        }
    }

    /// <summary>
    /// Asks for this connection's world delta to be computed and sent when the outbox gets to it (never queued as data):
    /// <paramref name="produce"/> returns the message, or null when there is nothing to send.
    /// </summary>
    public void ScheduleDelta(string method, Func<ClientConnection, object?> produce)
    {
        ArgumentNullException.ThrowIfNull(produce);
        var bound = deltaThunk;
        if (bound is null || !ReferenceEquals(bound.Producer, produce))
        {
            // One delegate per producer, not one per tick.
            bound = deltaThunk = new BoundProducer(produce, this);
        }

        outbox.ScheduleLatest(method, bound.Invoke);
    }

    /// <summary>Drops the connection if a write to it has been in flight longer than <paramref name="bound"/>.</summary>
    public bool DropIfStalled(long now, TimeSpan bound)
    {
        var inFlight = outbox.InFlightFor(now);
        if (inFlight <= bound)
        {
            return false;
        }

        Drop(DropReasons.Stalled, $"one write has waited {inFlight.TotalSeconds:F1} s for the client to read (the bound is {bound.TotalSeconds:F1} s)");
        return true;
    }

    /// <summary>Closes the connection because its client does not read: counted, logged, and everything queued let go.</summary>
    public void Drop(string reason, string detail)
    {
        if (Interlocked.Exchange(ref dropped, 1) == 1)
        {
            return;
        }

        outbox.Close();
        metrics.Dropped(reason);
        logger.LogWarning(
            "Dropping connection {Connection} of account {Account} ({Reason}): {Detail}", ConnectionId, AccountId, reason, detail);
        abort();
    }

    /// <summary>Closes the connection (a session ended, a kick) without counting it as a drop.</summary>
    public void Abort() => abort();

    /// <summary>The connection is gone: nothing more is sent and what was queued is let go.</summary>
    internal void Close() => outbox.Close();

    internal void Bind(Guid playerId, string zoneId, int selfNetId, float viewRadius)
    {
        lock (gate)
        {
            PlayerId = playerId;
            InWorld = true;
            ZoneId = zoneId;
            SelfNetId = selfNetId;
            ViewRadius = viewRadius;
            TransitStarted = null;
            Volatile.Write(ref ackInput, -1);
            Volatile.Write(ref lastSentAck, -2);
            encoder.Reset();
        }
    }

    internal void Unbind()
    {
        lock (gate)
        {
            InWorld = false;
            TransitStarted = null;
        }
    }

    /// <summary>Arrived in another zone instance (after a portal, or re-entered): the next delta starts the view over.</summary>
    internal void MoveToZone(string zoneId, int selfNetId, float viewRadius)
    {
        lock (gate)
        {
            ZoneId = zoneId;
            SelfNetId = selfNetId;
            ViewRadius = viewRadius;
            TransitStarted = null;
            encoder.Reset();
        }
    }

    /// <summary>About how many bytes an event takes while it waits: its MessagePack encoding plus the method name.</summary>
    public static int SizeOf(string method, object message)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(message);
        return MessagePackSerializer.Serialize(message.GetType(), message, WireMessagePack.Options).Length + method.Length + Framing;
    }

    /// <summary>A producer bound to this connection.</summary>
    private sealed class BoundProducer(Func<ClientConnection, object?> producer, ClientConnection connection)
    {
        public Func<ClientConnection, object?> Producer { get; } = producer;

        public Func<object?> Invoke { get; } = () => producer(connection);
    }

    /// <summary>The invocation envelope around an event (type, headers, target, argument array).</summary>
    private const int Framing = 16;
}
