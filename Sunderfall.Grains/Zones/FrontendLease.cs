using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Zones;

/// <summary>A frontend subscribed to a zone: its observers, when it last renewed, and its batch stream's state.</summary>
internal sealed class FrontendLease(FrontendObservers observers, DateTimeOffset renewedAt)
{
    public FrontendObservers Observers { get; set; } = observers;

    public DateTimeOffset RenewedAt { get; set; } = renewedAt;

    /// <summary>Batches sent to this frontend so far; the next batch carries this plus one.</summary>
    public long Sequence { get; set; }

    /// <summary>The next batch must hold every entity (new subscriber, or it reported a gap).</summary>
    public bool NeedsFull { get; set; } = true;

    /// <summary>The last batch sent spawned, moved or despawned something: the next tick sends a batch even if empty.</summary>
    public bool ChangedLastTick { get; set; }

    public List<PlayerNotice> Notices { get; } = [];
}
