using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Players;

/// <summary>The durable character, stored as JSON in PostgreSQL.</summary>
public sealed class PlayerState
{
    public string Name { get; set; } = "";

    public CharacterClass Class { get; set; }

    public int Level { get; set; }

    public string ZoneId { get; set; } = "";

    public float X { get; set; }

    public float Y { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The account that owns the character.</summary>
    public Guid OwnerAccountId { get; set; }

    /// <summary>True between entering and leaving the world (a crash leaves it true until the next stay).</summary>
    public bool InWorld { get; set; }

    /// <summary>Counts the stays in the world; see CharacterSnapshot.WorldSession.</summary>
    public long WorldSession { get; set; }
}
