namespace Sunderfall.Content.Definitions;

/// <summary>A kind of item, from content/items/*.json (each file an array).</summary>
public sealed record ItemDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>One of: equipment, consumable, material.</summary>
    public required string Kind { get; init; }

    /// <summary>For equipment: weapon, head, chest, legs, feet, hands or ring; empty otherwise.</summary>
    public string Slot { get; init; } = "";

    public int MaxStack { get; init; } = 1;

    /// <summary>Stat bonuses when equipped; keys: strength, agility, intellect, stamina, armor.</summary>
    public IReadOnlyDictionary<string, int> Stats { get; init; } = new Dictionary<string, int>();

    /// <summary>Worth in gold.</summary>
    public int Value { get; init; }

    /// <summary>For consumables: health restored when used.</summary>
    public int Heal { get; init; }
}
