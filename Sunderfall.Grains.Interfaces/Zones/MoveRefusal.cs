using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>A movement intent from a batch that the zone refused, and why.</summary>
[GenerateSerializer, Immutable, Alias("sf.MoveRefusal")]
public sealed record MoveRefusal(
    [property: Id(0)] Guid PlayerId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] GameError Error);
