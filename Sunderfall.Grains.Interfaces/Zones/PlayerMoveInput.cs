namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>One player's movement intent, as a frontend forwards it to the player's zone in a batch.</summary>
[GenerateSerializer, Immutable, Alias("sf.PlayerMoveInput")]
public readonly record struct PlayerMoveInput(
    [property: Id(0)] Guid PlayerId,
    [property: Id(1)] MoveInput Input);
