namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>Asks a player grain to create its character.</summary>
[GenerateSerializer, Immutable, Alias("sf.CreateCharacterRequest")]
public sealed record CreateCharacterRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] CharacterClass Class,
    [property: Id(2)] Guid OwnerAccountId);
