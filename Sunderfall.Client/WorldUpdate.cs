using Sunderfall.Protocol.Sync;

namespace Sunderfall.Client
{
    /// <summary>
    /// The payload of <see cref="SunderfallClient.WorldUpdated"/>: one WorldDelta, after it was applied to
    /// <see cref="SunderfallClient.World"/>.
    /// </summary>
    public sealed class WorldUpdate
    {
        /// <summary>Describes one applied delta.</summary>
        public WorldUpdate(string zoneId, long tick, long ackInput, int selfNetId, WorldViewChanges changes)
        {
            ZoneId = zoneId;
            Tick = tick;
            AckInput = ackInput;
            SelfNetId = selfNetId;
            Changes = changes;
        }

        /// <summary>The zone instance, e.g. "ashen-vale/1".</summary>
        public string ZoneId { get; }

        /// <summary>The zone tick the local view is now at.</summary>
        public long Tick { get; }

        /// <summary>The sequence of the newest move input the server has applied (compare with what
        /// <see cref="SunderfallClient.MoveAsync"/> returned, to reconcile predicted movement).</summary>
        public long AckInput { get; }

        /// <summary>The caller's own entity.</summary>
        public int SelfNetId { get; }

        /// <summary>What the delta spawned, despawned and updated. The instance is reused: read it inside the handler,
        /// before the next delta.</summary>
        public WorldViewChanges Changes { get; }
    }
}
