namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// An entity as the zone last ticked it. <see cref="NetId"/> is unique within the zone instance for the entity's
/// lifetime there and is what clients see; <see cref="PlayerId"/> is set for players only.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneEntityState")]
public readonly record struct ZoneEntityState(
    [property: Id(0)] int NetId,
    [property: Id(1)] EntityKind Kind,
    [property: Id(2)] string Name,
    [property: Id(3)] float X,
    [property: Id(4)] float Y,
    [property: Id(5)] int Health,
    [property: Id(6)] int MaxHealth,
    [property: Id(7)] Guid PlayerId);
