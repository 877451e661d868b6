namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>A character's stats from its class, level and equipment, and what they come to in combat.</summary>
[GenerateSerializer, Immutable, Alias("sf.CharacterStats")]
public sealed record CharacterStats(
    [property: Id(0)] int Strength,
    [property: Id(1)] int Agility,
    [property: Id(2)] int Intellect,
    [property: Id(3)] int Stamina,
    [property: Id(4)] int Armor,
    [property: Id(5)] int MaxHealth,
    [property: Id(6)] int MaxResource,
    [property: Id(7)] int Power);
