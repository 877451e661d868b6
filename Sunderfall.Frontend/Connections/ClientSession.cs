using Sunderfall.Protocol.Sync;

namespace Sunderfall.Frontend.Connections;

/// <summary>
/// One connection's character in the world and what it was last sent. The encoder holds exactly the client's view,
/// so a delta can always be computed from it; at most one send is in flight per connection, and ticks that arrive
/// meanwhile only mark the session dirty: a slow client gets fewer, larger deltas, never a growing queue.
/// </summary>
public sealed class ClientSession(string connectionId, Guid playerId, string zoneId, int selfNetId, float viewRadius)
{
    public string ConnectionId { get; } = connectionId;

    public Guid PlayerId { get; } = playerId;

    /// <summary>The zone instance the character is in; changes when it goes through a portal.</summary>
    public string ZoneId { get; set; } = zoneId;

    public int SelfNetId { get; set; } = selfNetId;

    /// <summary>How far the character sees in its current zone.</summary>
    public float ViewRadius { get; set; } = viewRadius;

    /// <summary>Between leaving a zone through a portal and arriving in the next: nothing is sent.</summary>
    public bool InTransit
    {
        get => TransitStarted is not null;
        set => TransitStarted = value ? TransitStarted ?? DateTimeOffset.UtcNow : null;
    }

    /// <summary>When the current transit began; a transit that never ends (a silo died) is resolved by re-entering.</summary>
    public DateTimeOffset? TransitStarted { get; private set; }

    /// <summary>Newest input the zone has applied, echoed to the client.</summary>
    public long AckInput { get; set; } = -1;

    /// <summary>The AckInput carried by the last message sent.</summary>
    public long LastSentAck { get; set; } = -2;

    public DeltaEncoder Encoder { get; } = new();

    /// <summary>Scratch list for the area-of-interest query; used only by the one send in flight.</summary>
    public List<VisibleEntity> Visible { get; } = [];

    /// <summary>Guards <see cref="Sending"/> and <see cref="Dirty"/>.</summary>
    public Lock SendGate { get; } = new();

    public bool Sending { get; set; }

    public bool Dirty { get; set; }
}
