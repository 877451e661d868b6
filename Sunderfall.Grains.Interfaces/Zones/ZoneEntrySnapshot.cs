namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>What a player sees on entering a zone: its size and everyone in it.</summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneEntrySnapshot")]
public sealed record ZoneEntrySnapshot(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] float Width,
    [property: Id(2)] float Height,
    [property: Id(3)] Guid SelfId,
    [property: Id(4)] IReadOnlyList<ZoneEntitySnapshot> Entities);
