namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>An entity that moved or whose health changed during a tick (name and kind do not change).</summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneMotion")]
public readonly record struct ZoneMotion(
    [property: Id(0)] int NetId,
    [property: Id(1)] float X,
    [property: Id(2)] float Y,
    [property: Id(3)] int Health);
