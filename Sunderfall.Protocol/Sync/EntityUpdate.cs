namespace Sunderfall.Protocol.Sync
{
    /// <summary>An entity that stayed visible and changed: its state before and after the payload.</summary>
    public readonly struct EntityUpdate
    {
        /// <summary>Pairs the state before a payload with the state after it.</summary>
        public EntityUpdate(VisibleEntity previous, VisibleEntity current)
        {
            Previous = previous;
            Current = current;
        }

        /// <summary>The state before the payload (e.g. to interpolate from).</summary>
        public VisibleEntity Previous { get; }

        /// <summary>The state after the payload.</summary>
        public VisibleEntity Current { get; }

        /// <summary>True when the position changed.</summary>
        public bool Moved => Previous.X != Current.X || Previous.Y != Current.Y;

        /// <summary>True when health or maximum health changed.</summary>
        public bool VitalsChanged => Previous.Health != Current.Health || Previous.MaxHealth != Current.MaxHealth;
    }
}
