namespace Sunderfall.Content.Definitions;

/// <summary>A kind of monster, from content/monsters/*.json (each file an array).</summary>
public sealed record MonsterDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public int Level { get; init; } = 1;

    public int MaxHealth { get; init; } = 50;

    /// <summary>Units per second when chasing; wandering uses half.</summary>
    public float Speed { get; init; } = 4f;

    /// <summary>A player within this distance is noticed and chased.</summary>
    public float AggroRadius { get; init; } = 12f;

    /// <summary>A chase that takes the monster this far from its spawn point gives up and walks back.</summary>
    public float LeashRadius { get; init; } = 30f;

    /// <summary>Idle monsters wander within this distance of their spawn point.</summary>
    public float WanderRadius { get; init; } = 8f;

    /// <summary>Ids of abilities the monster uses.</summary>
    public IReadOnlyList<string> Abilities { get; init; } = [];

    public int ExperienceReward { get; init; } = 10;

    /// <summary>Gold dropped per kill: a whole number between <see cref="GoldMin"/> and <see cref="GoldMax"/>.</summary>
    public int GoldMin { get; init; }

    public int GoldMax { get; init; }

    /// <summary>Items that may drop per kill, each rolled on its own.</summary>
    public IReadOnlyList<LootDefinition> Loot { get; init; } = [];
}
