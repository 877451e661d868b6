namespace Sunderfall.Content.Definitions;

/// <summary>
/// A playable class, from content/classes/*.json (each file an array): stats at level 1 and what each level adds,
/// and the abilities its characters know. The id is the class's name in lower case (warrior, ranger, mage, cleric).
/// </summary>
public sealed record ClassDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Health at level 1 before stamina (each point of stamina adds <see cref="HealthPerStamina"/>).</summary>
    public int BaseHealth { get; init; } = 80;

    public int HealthPerStamina { get; init; } = 5;

    /// <summary>Mana or energy at level 1 before intellect (each point of intellect adds <see cref="ResourcePerIntellect"/>).</summary>
    public int BaseResource { get; init; } = 60;

    public int ResourcePerIntellect { get; init; } = 3;

    /// <summary>Resource regained per second.</summary>
    public float ResourceRegen { get; init; } = 4f;

    /// <summary>Stats at level 1; keys: strength, agility, intellect, stamina, armor.</summary>
    public IReadOnlyDictionary<string, int> Stats { get; init; } = new Dictionary<string, int>();

    /// <summary>Stats each level above 1 adds; same keys as <see cref="Stats"/>.</summary>
    public IReadOnlyDictionary<string, int> StatsPerLevel { get; init; } = new Dictionary<string, int>();

    /// <summary>The stat whose points add to ability damage and healing (strength, agility or intellect).</summary>
    public string PowerStat { get; init; } = "strength";

    /// <summary>Ids of the abilities characters of this class can use.</summary>
    public IReadOnlyList<string> Abilities { get; init; } = [];
}
