using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>A zone handing a player who walked into a portal over to the player grain, which moves it on.</summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneTransferRequest")]
public sealed record ZoneTransferRequest(
    [property: Id(0)] string FromZone,
    [property: Id(1)] long WorldSession,
    [property: Id(2)] string TargetTemplate,
    [property: Id(3)] WorldPosition Target);
