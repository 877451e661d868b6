using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>
/// A character's durable state as last saved. <see cref="WorldSession"/> counts the times it entered the world;
/// zones quote it in checkpoints so a late checkpoint from an earlier stay cannot overwrite a newer position.
/// <see cref="Vitals"/> is the combat state last saved (null before the first stay).
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.CharacterSnapshot")]
public sealed record CharacterSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CharacterClass Class,
    [property: Id(3)] int Level,
    [property: Id(4)] string ZoneId,
    [property: Id(5)] WorldPosition Position,
    [property: Id(6)] bool InWorld,
    [property: Id(7)] long WorldSession,
    [property: Id(8)] Guid OwnerAccountId,
    [property: Id(9)] CharacterVitals? Vitals = null);
