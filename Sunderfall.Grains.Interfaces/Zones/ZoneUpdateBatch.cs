namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>Everything that changed in a zone during one tick; sent once per tick to each subscribed frontend.</summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneUpdateBatch")]
public sealed record ZoneUpdateBatch(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] IReadOnlyList<ZoneEntitySnapshot> Changed,
    [property: Id(3)] IReadOnlyList<Guid> Removed);
