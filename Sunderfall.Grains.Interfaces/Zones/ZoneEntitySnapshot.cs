using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>One entity's live state in a zone.</summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneEntitySnapshot")]
public sealed record ZoneEntitySnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] WorldPosition Position);
