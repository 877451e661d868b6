using System;

namespace Sunderfall.Protocol.Sync
{
    /// <summary>
    /// What a client can see of one entity: the server's input to <see cref="DeltaEncoder"/> and the state a
    /// <see cref="WorldView"/> holds (there, X and Y are the quantized positions expressed in units).
    /// </summary>
    public readonly struct VisibleEntity : IEquatable<VisibleEntity>
    {
        /// <summary>Creates an entity snapshot.</summary>
        public VisibleEntity(int netId, EntityKind kind, string name, float x, float y, int health, int maxHealth)
        {
            NetId = netId;
            Kind = kind;
            Name = name;
            X = x;
            Y = y;
            Health = health;
            MaxHealth = maxHealth;
        }

        /// <summary>The entity's id on the wire: zero or more, unique within its zone.</summary>
        public int NetId { get; }

        /// <summary>What the entity is.</summary>
        public EntityKind Kind { get; }

        /// <summary>The display name.</summary>
        public string Name { get; }

        /// <summary>Position in world units.</summary>
        public float X { get; }

        /// <summary>Position in world units.</summary>
        public float Y { get; }

        /// <summary>Current health.</summary>
        public int Health { get; }

        /// <summary>Maximum health.</summary>
        public int MaxHealth { get; }

        /// <summary>True when every field is equal (names compared ordinally, positions exactly).</summary>
        public bool Equals(VisibleEntity other) =>
            NetId == other.NetId && Kind == other.Kind && string.Equals(Name, other.Name, StringComparison.Ordinal) &&
            X.Equals(other.X) && Y.Equals(other.Y) && Health == other.Health && MaxHealth == other.MaxHealth;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is VisibleEntity other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(NetId, Kind, Name, X, Y, Health, MaxHealth);

        /// <inheritdoc />
        public override string ToString() =>
            $"#{NetId} {Kind} '{Name}' at ({X}, {Y}) health {Health}/{MaxHealth}";

        /// <summary>True when every field is equal.</summary>
        public static bool operator ==(VisibleEntity left, VisibleEntity right) => left.Equals(right);

        /// <summary>True when any field differs.</summary>
        public static bool operator !=(VisibleEntity left, VisibleEntity right) => !left.Equals(right);
    }
}
