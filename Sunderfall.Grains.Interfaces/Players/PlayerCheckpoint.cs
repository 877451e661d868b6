using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>
/// What a zone saves of a player: where it stands and its combat state. <see cref="Final"/> marks the last one of a
/// body that stayed in the world after its player left in combat (the logout delay); it is accepted after leaving.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.PlayerCheckpoint")]
public sealed record PlayerCheckpoint(
    [property: Id(0)] WorldPosition Position,
    [property: Id(1)] CharacterVitals? Vitals,
    [property: Id(2)] bool Final = false);
