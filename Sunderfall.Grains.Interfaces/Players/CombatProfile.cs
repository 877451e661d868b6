namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>
/// What a zone needs to run a character in combat: derived by the player grain from class, level and equipment, and
/// sent with every join and again whenever it changes. <see cref="Abilities"/> are ability ids from content.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.CombatProfile")]
public sealed record CombatProfile(
    [property: Id(0)] int Level,
    [property: Id(1)] CharacterClass Class,
    [property: Id(2)] int MaxHealth,
    [property: Id(3)] int MaxResource,
    [property: Id(4)] int Power,
    [property: Id(5)] int Armor,
    [property: Id(6)] IReadOnlyList<string> Abilities,
    [property: Id(7)] Guid? PartyId);
