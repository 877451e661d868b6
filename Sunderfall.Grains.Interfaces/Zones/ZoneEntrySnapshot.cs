namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>What a player learns on entering a zone instance; the entities follow in the tick batches.</summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneEntrySnapshot")]
public sealed record ZoneEntrySnapshot(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] string Template,
    [property: Id(2)] float Width,
    [property: Id(3)] float Height,
    [property: Id(4)] int SelfNetId,
    [property: Id(5)] float ViewRadius,
    [property: Id(6)] float TickMilliseconds);
