namespace Sunderfall.Content.Definitions;

/// <summary>An ability players or monsters use, from content/abilities/*.json (each file an array).</summary>
public sealed record AbilityDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>One of: enemy, self, ally.</summary>
    public string Target { get; init; } = "enemy";

    public int Damage { get; init; }

    public int Heal { get; init; }

    public int ResourceCost { get; init; }

    public float CooldownSeconds { get; init; } = 1f;

    /// <summary>Largest distance to the target, in units.</summary>
    public float Range { get; init; } = 2f;

    public float CastSeconds { get; init; }

    /// <summary>0 for single target; otherwise everything within this radius of the target is hit.</summary>
    public float AreaRadius { get; init; }
}
