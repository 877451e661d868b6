using System;
using System.Collections.Generic;
using Sunderfall.Protocol.Sync;
using Sunderfall.Protocol.World;

namespace Sunderfall.Client
{
    /// <summary>
    /// What the client knows of the zone it is in: every entity within its view, rebuilt from the WorldDelta events
    /// by the client. Positions are the server's, quantized to 1/16 unit. Safe to read from any thread; each read
    /// is consistent on its own (take <see cref="Snapshot"/> for a consistent list).
    /// </summary>
    public sealed class LocalWorld
    {
        private readonly object gate = new object();
        private readonly WorldView view = new WorldView();
        private ZoneEntered? zone;
        private int selfNetId = -1;
        private long tick;
        private long ackInput;

        /// <summary>The zone the character is in, or null when it is in none (not entered yet, left, or the
        /// connection dropped and the character was not re-entered yet).</summary>
        public ZoneEntered? Zone
        {
            get
            {
                lock (gate)
                {
                    return zone;
                }
            }
        }

        /// <summary>The caller's own entity id in the zone, or -1 when it is in none.</summary>
        public int SelfNetId
        {
            get
            {
                lock (gate)
                {
                    return selfNetId;
                }
            }
        }

        /// <summary>The zone tick of the newest delta applied.</summary>
        public long Tick
        {
            get
            {
                lock (gate)
                {
                    return tick;
                }
            }
        }

        /// <summary>The newest move input the server has applied (see <see cref="WorldUpdate.AckInput"/>).</summary>
        public long AckInput
        {
            get
            {
                lock (gate)
                {
                    return ackInput;
                }
            }
        }

        /// <summary>How many entities the client sees.</summary>
        public int Count
        {
            get
            {
                lock (gate)
                {
                    return view.Count;
                }
            }
        }

        /// <summary>The caller's own entity, or null before the first delta showed it.</summary>
        public VisibleEntity? Self
        {
            get
            {
                lock (gate)
                {
                    return selfNetId >= 0 && view.TryGet(selfNetId, out VisibleEntity self) ? self : (VisibleEntity?)null;
                }
            }
        }

        /// <summary>The entity with this net id, if the client sees it.</summary>
        public bool TryGet(int netId, out VisibleEntity entity)
        {
            lock (gate)
            {
                return view.TryGet(netId, out entity);
            }
        }

        /// <summary>The first entity the client sees with this exact name (e.g. another player), or null.</summary>
        public VisibleEntity? FindByName(string name)
        {
            foreach (VisibleEntity entity in Snapshot())
            {
                if (string.Equals(entity.Name, name, StringComparison.Ordinal))
                {
                    return entity;
                }
            }

            return null;
        }

        /// <summary>A copy of every entity the client sees, taken at one instant.</summary>
        public IReadOnlyList<VisibleEntity> Snapshot()
        {
            var entities = new List<VisibleEntity>();
            lock (gate)
            {
                view.CopyTo(entities);
            }

            return entities;
        }

        /// <summary>Applies one delta; throws FormatException, changing nothing, if it does not fit.</summary>
        internal WorldViewChanges Apply(WorldDelta delta)
        {
            lock (gate)
            {
                WorldViewChanges changes = view.Apply(delta.Payload);
                tick = delta.Tick;
                ackInput = delta.AckInput;
                selfNetId = delta.SelfNetId;
                return changes;
            }
        }

        /// <summary>The character is now in this zone (entered, re-entered or moved through a portal).</summary>
        internal void Enter(ZoneEntered entered)
        {
            lock (gate)
            {
                zone = entered;
                selfNetId = entered.SelfNetId;
            }
        }

        /// <summary>Forgets the zone and every entity: the character is in no zone on this connection.</summary>
        internal void Reset()
        {
            lock (gate)
            {
                view.Clear();
                zone = null;
                selfNetId = -1;
                tick = 0;
            }
        }
    }
}
