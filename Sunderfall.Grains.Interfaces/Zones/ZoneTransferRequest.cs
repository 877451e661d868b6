using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// A zone handing a player who walked into a portal over to the player grain, which moves it on, with its combat state
/// as it crossed (saved with the new zone, so a portal heals nothing).
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneTransferRequest")]
public sealed record ZoneTransferRequest(
    [property: Id(0)] string FromZone,
    [property: Id(1)] long WorldSession,
    [property: Id(2)] string TargetTemplate,
    [property: Id(3)] WorldPosition Target,
    [property: Id(4)] CharacterVitals? Vitals = null);
