using System.Collections.Generic;

namespace Sunderfall.Protocol.Sync
{
    /// <summary>
    /// What one <see cref="WorldView.Apply"/> changed, for a game client to create, remove and move its objects.
    /// The view reuses this instance: read it before the next Apply.
    /// </summary>
    public sealed class WorldViewChanges
    {
        internal List<VisibleEntity> SpawnedList { get; } = new List<VisibleEntity>();
        internal List<VisibleEntity> DespawnedList { get; } = new List<VisibleEntity>();
        internal List<EntityUpdate> UpdatedList { get; } = new List<EntityUpdate>();

        /// <summary>True when the server told the client to drop everything first (all it knew is in <see cref="Despawned"/>).</summary>
        public bool WasReset { get; internal set; }

        /// <summary>Entities that became visible, in their state after the payload.</summary>
        public IReadOnlyList<VisibleEntity> Spawned => SpawnedList;

        /// <summary>Entities no longer visible, in their last known state. A net id that changed identity is here and in Spawned.</summary>
        public IReadOnlyList<VisibleEntity> Despawned => DespawnedList;

        /// <summary>Entities that stayed visible and moved or changed health.</summary>
        public IReadOnlyList<EntityUpdate> Updated => UpdatedList;

        /// <summary>True when the payload changed nothing.</summary>
        public bool IsEmpty => !WasReset && SpawnedList.Count == 0 && DespawnedList.Count == 0 && UpdatedList.Count == 0;

        internal void Clear()
        {
            WasReset = false;
            SpawnedList.Clear();
            DespawnedList.Clear();
            UpdatedList.Clear();
        }
    }
}
