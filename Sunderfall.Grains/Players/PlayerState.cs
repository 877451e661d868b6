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
}
