using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>A character's durable state as last saved.</summary>
[GenerateSerializer, Immutable, Alias("sf.CharacterSnapshot")]
public sealed record CharacterSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CharacterClass Class,
    [property: Id(3)] int Level,
    [property: Id(4)] string ZoneId,
    [property: Id(5)] WorldPosition Position);
