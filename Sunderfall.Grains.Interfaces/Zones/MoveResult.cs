using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// The outcome of a move: the authoritative position (null when the zone does not know the player) and, if the move
/// was refused, why.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.MoveResult")]
public sealed record MoveResult(
    [property: Id(0)] WorldPosition? Position,
    [property: Id(1)] GameError? Error);
