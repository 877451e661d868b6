namespace Sunderfall.Content.Definitions;

/// <summary>One line of a monster's loot table: the item dropped with <see cref="Chance"/>, between Min and Max of it.</summary>
public sealed record LootDefinition
{
    /// <summary>Id of an item definition.</summary>
    public required string Item { get; init; }

    /// <summary>Probability of the drop per kill, above 0 and at most 1.</summary>
    public float Chance { get; init; } = 1f;

    public int Min { get; init; } = 1;

    public int Max { get; init; } = 1;
}
