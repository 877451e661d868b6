using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// How grains reach one frontend: its receiver of zone ticks and its receiver of its players' own events. Handed to
/// a player grain on entering the world and renewed with the zones' subscriptions.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.FrontendObservers")]
public sealed record FrontendObservers(
    [property: Id(0)] IZoneObserver Zone,
    [property: Id(1)] IPlayerObserver Players);
