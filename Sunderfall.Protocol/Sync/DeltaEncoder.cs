using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace Sunderfall.Protocol.Sync
{
    /// <summary>
    /// Server side, one per connection: turns the entities a client can see now into a payload holding only what
    /// changed since the last payload it encoded for that client. It remembers what it sent (kind, name, quantized
    /// position, health), so after <see cref="Encode(IReadOnlyList{VisibleEntity}, IBufferWriter{byte})"/> its state
    /// is exactly what the client's <see cref="WorldView"/> holds once it applies the payload.
    /// </summary>
    /// <remarks>
    /// Every payload must be delivered, in order: if a tick is not sent to a slow client, do not call Encode for it;
    /// the next Encode then covers everything since the last payload that was sent. A payload that was encoded but
    /// could not be delivered leaves the encoder ahead of the client: call <see cref="Reset"/>, and the next payload
    /// makes the client drop what it knows and respawns everything.
    /// Not thread-safe. Encoding into an <see cref="IBufferWriter{T}"/> allocates nothing once the internal lists have
    /// grown to the peak visible count; the array overload allocates only the returned array.
    /// </remarks>
    public sealed class DeltaEncoder
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private readonly EntityTable sent = new EntityTable();
        private readonly List<PendingSpawn> spawns = new List<PendingSpawn>();
        private readonly List<PendingUpdate> updates = new List<PendingUpdate>();
        private readonly List<int> despawnIds = new List<int>();
        private readonly List<int> despawnSlots = new List<int>();
        private readonly HashSet<int> newIds = new HashSet<int>();
        private readonly PayloadBuffer scratch = new PayloadBuffer();
        private int pass;

        // A new encoder cannot know what the client holds (a reconnect, a zone change), so its first payload resets it.
        private bool resetPending = true;

        /// <summary>How many entities the client holds, as far as this encoder has sent.</summary>
        public int Count => sent.Count;

        /// <summary>
        /// Forgets what was sent: the next payload tells the client to drop everything it knows, and respawns every
        /// visible entity. Use on a zone change or after a payload was lost.
        /// </summary>
        public void Reset()
        {
            sent.Clear();
            resetPending = true;
        }

        /// <summary>The state last sent for <paramref name="netId"/>, with positions as the quantized values in units.</summary>
        public bool TryGetSent(int netId, out VisibleEntity entity)
        {
            if (sent.TryFind(netId, out int slot))
            {
                entity = sent.ToVisible(slot);
                return true;
            }

            entity = default;
            return false;
        }

        /// <summary>Adds every entity as last sent (positions as the quantized values in units) to <paramref name="into"/>.</summary>
        public void CopySentTo(ICollection<VisibleEntity> into)
        {
            if (into is null)
            {
                throw new ArgumentNullException(nameof(into));
            }

            for (int slot = 0; slot < sent.Count; slot++)
            {
                into.Add(sent.ToVisible(slot));
            }
        }

        /// <summary>Encodes the changes into a new array sized to fit, e.g. for <see cref="WorldDelta.Payload"/>.</summary>
        public byte[] Encode(IReadOnlyList<VisibleEntity> visibleNow)
        {
            scratch.Clear();
            Encode(visibleNow, scratch);
            return scratch.WrittenSpan.ToArray();
        }

        /// <summary>
        /// Writes the payload that brings the client from the last encoded state to <paramref name="visibleNow"/> and
        /// returns its length in bytes. A one-byte payload (0x00) carries no change and may be left unsent.
        /// Throws <see cref="ArgumentException"/> (state unchanged) for a negative or repeated net id, a null name or
        /// one that is not valid UTF-16, or a position <see cref="Quantization.Quantize"/> refuses.
        /// </summary>
        public int Encode(IReadOnlyList<VisibleEntity> visibleNow, IBufferWriter<byte> output)
        {
            if (visibleNow is null)
            {
                throw new ArgumentNullException(nameof(visibleNow));
            }

            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            Classify(visibleNow);
            int written = Write(visibleNow, output);
            Commit(visibleNow);
            return written;
        }

        // Decides what each entity needs without changing the sent state, so a refused input leaves it intact.
        private void Classify(IReadOnlyList<VisibleEntity> visibleNow)
        {
            spawns.Clear();
            updates.Clear();
            despawnIds.Clear();
            despawnSlots.Clear();
            newIds.Clear();
            int mark = unchecked(++pass);

            for (int i = 0; i < visibleNow.Count; i++)
            {
                VisibleEntity e = visibleNow[i];
                if (e.NetId < 0)
                {
                    throw new ArgumentException($"net id {e.NetId} of entity {i} is negative; net ids are 0 or more", nameof(visibleNow));
                }

                if (e.Name is null)
                {
                    throw new ArgumentException($"entity {e.NetId} has a null name", nameof(visibleNow));
                }

                int x = Quantization.Quantize(e.X);
                int y = Quantization.Quantize(e.Y);

                if (sent.TryFind(e.NetId, out int slot))
                {
                    ref EntityTable.Entry last = ref sent[slot];
                    if (last.Mark == mark)
                    {
                        throw Duplicate(e.NetId, nameof(visibleNow));
                    }

                    last.Mark = mark;
                    if (last.Kind != e.Kind || !string.Equals(last.Name, e.Name, StringComparison.Ordinal))
                    {
                        // The net id now names another entity: the client must drop the old one and spawn this one.
                        despawnIds.Add(e.NetId);
                        spawns.Add(new PendingSpawn(i, slot, x, y, NameByteCount(e)));
                        continue;
                    }

                    int mask = 0;
                    if (x != last.X || y != last.Y)
                    {
                        mask |= WireFormat.Moved;
                    }

                    if (e.Health != last.Health || e.MaxHealth != last.MaxHealth)
                    {
                        mask |= WireFormat.Vitals;
                    }

                    if (mask != 0)
                    {
                        updates.Add(new PendingUpdate(i, slot, x, y, mask));
                    }
                }
                else
                {
                    if (!newIds.Add(e.NetId))
                    {
                        throw Duplicate(e.NetId, nameof(visibleNow));
                    }

                    spawns.Add(new PendingSpawn(i, -1, x, y, NameByteCount(e)));
                }
            }

            for (int slot = 0; slot < sent.Count; slot++)
            {
                if (sent[slot].Mark != mark)
                {
                    despawnIds.Add(sent[slot].NetId);
                    despawnSlots.Add(slot);
                }
            }
        }

        private int Write(IReadOnlyList<VisibleEntity> visibleNow, IBufferWriter<byte> output)
        {
            byte header = resetPending ? WireFormat.Reset : (byte)0;
            if (despawnIds.Count > 0)
            {
                header |= WireFormat.HasDespawns;
            }

            if (spawns.Count > 0)
            {
                header |= WireFormat.HasSpawns;
            }

            if (updates.Count > 0)
            {
                header |= WireFormat.HasUpdates;
            }

            output.GetSpan(1)[0] = header;
            output.Advance(1);
            int total = 1;

            if (despawnIds.Count > 0)
            {
                total += PutVarint(output, (ulong)despawnIds.Count);
                foreach (int netId in despawnIds)
                {
                    total += PutVarint(output, (ulong)netId);
                }
            }

            if (spawns.Count > 0)
            {
                total += PutVarint(output, (ulong)spawns.Count);
                foreach (PendingSpawn spawn in spawns)
                {
                    VisibleEntity e = visibleNow[spawn.Index];
                    Span<byte> span = output.GetSpan(WireFormat.MaxSpawnFixedBytes + spawn.NameBytes);
                    int at = 0;
                    WireFormat.WriteVarint(span, ref at, (ulong)e.NetId);
                    span[at++] = (byte)e.Kind;
                    WireFormat.WriteVarint(span, ref at, (ulong)spawn.NameBytes);
                    at += StrictUtf8.GetBytes(e.Name.AsSpan(), span.Slice(at));
                    WireFormat.WriteSigned(span, ref at, spawn.X);
                    WireFormat.WriteSigned(span, ref at, spawn.Y);
                    WireFormat.WriteSigned(span, ref at, e.Health);
                    WireFormat.WriteSigned(span, ref at, e.MaxHealth);
                    output.Advance(at);
                    total += at;
                }
            }

            if (updates.Count > 0)
            {
                total += PutVarint(output, (ulong)updates.Count);
                foreach (PendingUpdate update in updates)
                {
                    VisibleEntity e = visibleNow[update.Index];
                    ref EntityTable.Entry last = ref sent[update.Slot];
                    Span<byte> span = output.GetSpan(WireFormat.MaxUpdateBytes);
                    int at = 0;
                    WireFormat.WriteVarint(span, ref at, ((ulong)e.NetId << WireFormat.UpdateMaskBits) | (uint)update.Mask);
                    if ((update.Mask & WireFormat.Moved) != 0)
                    {
                        WireFormat.WriteSigned(span, ref at, (long)update.X - last.X);
                        WireFormat.WriteSigned(span, ref at, (long)update.Y - last.Y);
                    }

                    if ((update.Mask & WireFormat.Vitals) != 0)
                    {
                        // The lowest bit says whether a max-health delta follows; it rarely changes.
                        bool maxChanged = e.MaxHealth != last.MaxHealth;
                        ulong health = WireFormat.ZigZag((long)e.Health - last.Health);
                        WireFormat.WriteVarint(span, ref at, (health << 1) | (maxChanged ? 1UL : 0UL));
                        if (maxChanged)
                        {
                            WireFormat.WriteSigned(span, ref at, (long)e.MaxHealth - last.MaxHealth);
                        }
                    }

                    output.Advance(at);
                    total += at;
                }
            }

            return total;
        }

        private static int PutVarint(IBufferWriter<byte> output, ulong value)
        {
            Span<byte> span = output.GetSpan(WireFormat.MaxVarintBytes);
            int at = 0;
            WireFormat.WriteVarint(span, ref at, value);
            output.Advance(at);
            return at;
        }

        private void Commit(IReadOnlyList<VisibleEntity> visibleNow)
        {
            resetPending = false;
            int mark = pass;

            foreach (PendingUpdate update in updates)
            {
                VisibleEntity e = visibleNow[update.Index];
                ref EntityTable.Entry last = ref sent[update.Slot];
                last.X = update.X;
                last.Y = update.Y;
                last.Health = e.Health;
                last.MaxHealth = e.MaxHealth;
            }

            foreach (PendingSpawn spawn in spawns)
            {
                if (spawn.Slot >= 0)
                {
                    VisibleEntity e = visibleNow[spawn.Index];
                    sent[spawn.Slot] = new EntityTable.Entry(e.NetId, e.Kind, e.Name, spawn.X, spawn.Y, e.Health, e.MaxHealth, mark);
                }
            }

            // Highest slot first: removal moves the last entry down, and every entry above this slot is already gone.
            for (int i = despawnSlots.Count - 1; i >= 0; i--)
            {
                sent.RemoveAt(despawnSlots[i]);
            }

            foreach (PendingSpawn spawn in spawns)
            {
                if (spawn.Slot < 0)
                {
                    VisibleEntity e = visibleNow[spawn.Index];
                    sent.Add(new EntityTable.Entry(e.NetId, e.Kind, e.Name, spawn.X, spawn.Y, e.Health, e.MaxHealth, mark));
                }
            }
        }

        private static int NameByteCount(in VisibleEntity e)
        {
            try
            {
                return StrictUtf8.GetByteCount(e.Name);
            }
            catch (EncoderFallbackException ex)
            {
                throw new ArgumentException($"the name of entity {e.NetId} is not valid UTF-16 (a lone surrogate)", ex);
            }
        }

        private static ArgumentException Duplicate(int netId, string paramName) =>
            new ArgumentException($"net id {netId} appears more than once; each visible entity needs its own", paramName);

        private readonly struct PendingSpawn
        {
            public PendingSpawn(int index, int slot, int x, int y, int nameBytes)
            {
                Index = index;
                Slot = slot;
                X = x;
                Y = y;
                NameBytes = nameBytes;
            }

            public int Index { get; }

            // The slot to overwrite when a net id changed identity; -1 for an entity new to the client.
            public int Slot { get; }

            public int X { get; }

            public int Y { get; }

            public int NameBytes { get; }
        }

        private readonly struct PendingUpdate
        {
            public PendingUpdate(int index, int slot, int x, int y, int mask)
            {
                Index = index;
                Slot = slot;
                X = x;
                Y = y;
                Mask = mask;
            }

            public int Index { get; }

            public int Slot { get; }

            public int X { get; }

            public int Y { get; }

            public int Mask { get; }
        }
    }
}
