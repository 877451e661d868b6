using System;
using System.Collections.Generic;

namespace Sunderfall.Protocol.Sync
{
    /// <summary>
    /// Entities by net id in a dense array (so scans touch contiguous memory) with an index from net id to slot.
    /// Removal moves the last entry into the freed slot. Storage grows to the peak count and is then reused.
    /// </summary>
    internal sealed class EntityTable
    {
        private readonly Dictionary<int, int> slotsById = new Dictionary<int, int>();
        private Entry[] entries = new Entry[16];

        public int Count { get; private set; }

        public ref Entry this[int slot] => ref entries[slot];

        public bool TryFind(int netId, out int slot) => slotsById.TryGetValue(netId, out slot);

        public int Add(in Entry entry)
        {
            if (Count == entries.Length)
            {
                Array.Resize(ref entries, entries.Length * 2);
            }

            int slot = Count++;
            entries[slot] = entry;
            slotsById.Add(entry.NetId, slot);
            return slot;
        }

        public void RemoveAt(int slot)
        {
            slotsById.Remove(entries[slot].NetId);
            int last = --Count;
            if (slot != last)
            {
                entries[slot] = entries[last];
                slotsById[entries[slot].NetId] = slot;
            }

            // Drop the name reference so a despawned entity's string can be collected.
            entries[last] = default;
        }

        public void Clear()
        {
            Array.Clear(entries, 0, Count);
            Count = 0;
            slotsById.Clear();
        }

        public VisibleEntity ToVisible(int slot)
        {
            ref Entry e = ref entries[slot];
            return new VisibleEntity(
                e.NetId, e.Kind, e.Name, Quantization.ToUnits(e.X), Quantization.ToUnits(e.Y), e.Health, e.MaxHealth);
        }

        /// <summary>One entity as it was last sent (encoder) or last received (view); positions quantized.</summary>
        internal struct Entry
        {
            public int NetId;
            public EntityKind Kind;
            public string Name;
            public int X;
            public int Y;
            public int Health;
            public int MaxHealth;

            // The pass that last touched this entry, so one scan finds the entries a pass did not touch.
            public int Mark;

            public Entry(int netId, EntityKind kind, string name, int x, int y, int health, int maxHealth, int mark)
            {
                NetId = netId;
                Kind = kind;
                Name = name;
                X = x;
                Y = y;
                Health = health;
                MaxHealth = maxHealth;
                Mark = mark;
            }
        }
    }
}
