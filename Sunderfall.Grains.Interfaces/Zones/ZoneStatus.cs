namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>A zone instance's counters.</summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneStatus")]
public sealed record ZoneStatus(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] long Tick,
    [property: Id(2)] int Players,
    [property: Id(3)] int Monsters,
    [property: Id(4)] long Corrections,
    [property: Id(5)] int Frontends);
