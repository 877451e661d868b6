namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>The frontend serving one of a zone's players: its id and its observers.</summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneFrontend")]
public sealed record ZoneFrontend(
    [property: Id(0)] string FrontendId,
    [property: Id(1)] FrontendObservers Observers);
