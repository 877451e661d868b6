using System;
using System.Collections.Generic;

namespace Sunderfall.Protocol.Sync
{
    /// <summary>
    /// Client side: the entities the client knows, kept current by applying each <see cref="WorldDelta.Payload"/> in
    /// the order received. Positions are the quantized values the server sent, expressed in units.
    /// </summary>
    /// <remarks>
    /// A payload is checked whole before anything changes: a malformed one throws <see cref="FormatException"/> and
    /// leaves the view as it was. Not thread-safe.
    /// </remarks>
    public sealed class WorldView
    {
        private readonly EntityTable known = new EntityTable();
        private readonly WorldViewChanges changes = new WorldViewChanges();
        private readonly List<int> pendingDespawns = new List<int>();
        private readonly List<EntityTable.Entry> pendingSpawns = new List<EntityTable.Entry>();
        private readonly List<PendingUpdate> pendingUpdates = new List<PendingUpdate>();
        private readonly HashSet<int> spawnedIds = new HashSet<int>();
        private int pass;

        /// <summary>How many entities the client knows.</summary>
        public int Count => known.Count;

        /// <summary>What the last <see cref="Apply"/> changed (the same instance Apply returns).</summary>
        public WorldViewChanges LastChanges => changes;

        /// <summary>The entity with this net id, if the client knows it.</summary>
        public bool TryGet(int netId, out VisibleEntity entity)
        {
            if (known.TryFind(netId, out int slot))
            {
                entity = known.ToVisible(slot);
                return true;
            }

            entity = default;
            return false;
        }

        /// <summary>Adds every known entity to <paramref name="into"/>.</summary>
        public void CopyTo(ICollection<VisibleEntity> into)
        {
            if (into is null)
            {
                throw new ArgumentNullException(nameof(into));
            }

            for (int slot = 0; slot < known.Count; slot++)
            {
                into.Add(known.ToVisible(slot));
            }
        }

        /// <summary>Forgets every entity (e.g. when leaving the zone). Reports nothing.</summary>
        public void Clear()
        {
            known.Clear();
            changes.Clear();
        }

        /// <summary>
        /// Applies one payload and returns what it changed (a reused instance, valid until the next call).
        /// Throws <see cref="FormatException"/>, leaving the view unchanged, when the payload is truncated, holds a
        /// bad varint or invalid UTF-8, or does not fit what the view knows (a spawn of a known net id, a despawn or
        /// update of an unknown one).
        /// </summary>
        public WorldViewChanges Apply(ReadOnlySpan<byte> payload)
        {
            bool reset = Validate(payload);
            changes.Clear();
            changes.WasReset = reset;

            if (reset)
            {
                for (int slot = 0; slot < known.Count; slot++)
                {
                    changes.DespawnedList.Add(known.ToVisible(slot));
                }

                known.Clear();
            }

            // Updates name slots, so they go before any removal moves entries around.
            foreach (PendingUpdate update in pendingUpdates)
            {
                VisibleEntity previous = known.ToVisible(update.Slot);
                ref EntityTable.Entry e = ref known[update.Slot];
                e.X = update.X;
                e.Y = update.Y;
                e.Health = update.Health;
                e.MaxHealth = update.MaxHealth;
                changes.UpdatedList.Add(new EntityUpdate(previous, known.ToVisible(update.Slot)));
            }

            foreach (int netId in pendingDespawns)
            {
                known.TryFind(netId, out int slot);
                changes.DespawnedList.Add(known.ToVisible(slot));
                known.RemoveAt(slot);
            }

            foreach (EntityTable.Entry spawn in pendingSpawns)
            {
                int slot = known.Add(spawn);
                changes.SpawnedList.Add(known.ToVisible(slot));
            }

            return changes;
        }

        // Parses the whole payload into the pending lists, checking it against what the view knows; changes nothing
        // the client can see. Returns whether the payload resets the view.
        private bool Validate(ReadOnlySpan<byte> payload)
        {
            pendingDespawns.Clear();
            pendingSpawns.Clear();
            pendingUpdates.Clear();
            spawnedIds.Clear();
            int mark = unchecked(++pass);

            var reader = new PayloadReader(payload);
            if (payload.IsEmpty)
            {
                throw reader.Malformed("it is empty; even a payload without changes has a header byte");
            }

            byte header = reader.ReadByte("the header");
            if ((header & ~WireFormat.KnownHeaderBits) != 0)
            {
                throw reader.Malformed($"header 0x{header:X2} sets bits this version does not know");
            }

            bool reset = (header & WireFormat.Reset) != 0;

            if ((header & WireFormat.HasDespawns) != 0)
            {
                int count = reader.ReadCount("the despawn count");
                for (int i = 0; i < count; i++)
                {
                    int netId = reader.ReadNetId("a despawned net id");
                    if (reset || !known.TryFind(netId, out int slot))
                    {
                        throw reader.Malformed($"it despawns net id {netId}, which the client does not know");
                    }

                    if (known[slot].Mark == mark)
                    {
                        throw reader.Malformed($"it despawns net id {netId} twice");
                    }

                    known[slot].Mark = mark;
                    pendingDespawns.Add(netId);
                }
            }

            if ((header & WireFormat.HasSpawns) != 0)
            {
                int count = reader.ReadCount("the spawn count");
                for (int i = 0; i < count; i++)
                {
                    int netId = reader.ReadNetId("a spawned net id");
                    byte kind = reader.ReadByte("an entity kind");
                    if (kind > (byte)EntityKind.Npc)
                    {
                        throw reader.Malformed($"net id {netId} has unknown entity kind {kind}");
                    }

                    string name = reader.ReadName("an entity name");
                    int x = reader.ReadSignedInt32("a spawn x");
                    int y = reader.ReadSignedInt32("a spawn y");
                    int health = reader.ReadSignedInt32("a spawn health");
                    int maxHealth = reader.ReadSignedInt32("a spawn max health");

                    bool stillKnown = !reset && known.TryFind(netId, out int slot) && known[slot].Mark != mark;
                    if (stillKnown || !spawnedIds.Add(netId))
                    {
                        throw reader.Malformed($"it spawns net id {netId}, which the client already has");
                    }

                    pendingSpawns.Add(new EntityTable.Entry(netId, (EntityKind)kind, name, x, y, health, maxHealth, 0));
                }
            }

            if ((header & WireFormat.HasUpdates) != 0)
            {
                int count = reader.ReadCount("the update count");
                for (int i = 0; i < count; i++)
                {
                    ulong head = reader.ReadVarint("an update's net id");
                    int mask = (int)(head & ((1 << WireFormat.UpdateMaskBits) - 1));
                    ulong id = head >> WireFormat.UpdateMaskBits;
                    if (id > int.MaxValue)
                    {
                        throw reader.Malformed($"update net id {id} exceeds the largest net id {int.MaxValue}");
                    }

                    int netId = (int)id;
                    if (mask == 0)
                    {
                        throw reader.Malformed($"the update of net id {netId} changes nothing");
                    }

                    // Despawns came first, so a mark from this pass means despawned or already updated.
                    if (reset || !known.TryFind(netId, out int slot) || known[slot].Mark == mark)
                    {
                        throw reader.Malformed($"it updates net id {netId}, which the client does not know (or twice)");
                    }

                    ref EntityTable.Entry e = ref known[slot];
                    e.Mark = mark;
                    long x = e.X, y = e.Y, health = e.Health, maxHealth = e.MaxHealth;

                    if ((mask & WireFormat.Moved) != 0)
                    {
                        long dx = reader.ReadSigned("an x delta");
                        long dy = reader.ReadSigned("a y delta");
                        if (dx == 0 && dy == 0)
                        {
                            throw reader.Malformed($"the move of net id {netId} is zero");
                        }

                        x = Add(ref reader, x, dx, netId, "x");
                        y = Add(ref reader, y, dy, netId, "y");
                    }

                    if ((mask & WireFormat.Vitals) != 0)
                    {
                        ulong word = reader.ReadVarint("a health delta");
                        long dHealth = WireFormat.UnZigZag(word >> 1);
                        long dMax = (word & 1) != 0 ? reader.ReadSigned("a max health delta") : 0;
                        if (dHealth == 0 && dMax == 0)
                        {
                            throw reader.Malformed($"the health change of net id {netId} is zero");
                        }

                        health = Add(ref reader, health, dHealth, netId, "health");
                        maxHealth = Add(ref reader, maxHealth, dMax, netId, "max health");
                    }

                    pendingUpdates.Add(new PendingUpdate(slot, (int)x, (int)y, (int)health, (int)maxHealth));
                }
            }

            if (!reader.AtEnd)
            {
                throw reader.Malformed($"{reader.Remaining} bytes follow the last record");
            }

            return reset;
        }

        private static long Add(ref PayloadReader reader, long value, long delta, int netId, string field)
        {
            // Deltas are at most 64 bits and values 32, so an overflowing sum wraps far outside the 32-bit range.
            long sum = unchecked(value + delta);
            if (delta > 0 ? sum < value : sum > value)
            {
                throw reader.Malformed($"the {field} delta of net id {netId} overflows");
            }

            if (sum < int.MinValue || sum > int.MaxValue)
            {
                throw reader.Malformed($"the {field} of net id {netId} leaves the 32-bit range");
            }

            return sum;
        }

        private readonly struct PendingUpdate
        {
            public PendingUpdate(int slot, int x, int y, int health, int maxHealth)
            {
                Slot = slot;
                X = x;
                Y = y;
                Health = health;
                MaxHealth = maxHealth;
            }

            public int Slot { get; }

            public int X { get; }

            public int Y { get; }

            public int Health { get; }

            public int MaxHealth { get; }
        }
    }
}
