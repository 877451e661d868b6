namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// A movement intent: walk in direction (DirX, DirY) (length at most 1; (0, 0) stops) until the next input.
/// <see cref="Sequence"/> grows with each input a client sends; older ones are ignored.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.MoveInput")]
public readonly record struct MoveInput(
    [property: Id(0)] long Sequence,
    [property: Id(1)] float DirX,
    [property: Id(2)] float DirY);
