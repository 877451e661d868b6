using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// A player grain placing its character in a zone instance, reached through the named frontend, with its saved combat
/// state (null: a new character, which starts full).
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneJoinRequest")]
public sealed record ZoneJoinRequest(
    [property: Id(0)] Guid PlayerId,
    [property: Id(1)] string Name,
    [property: Id(2)] WorldPosition Position,
    [property: Id(3)] string FrontendId,
    [property: Id(4)] FrontendObservers Frontend,
    [property: Id(5)] long WorldSession,
    [property: Id(6)] CombatProfile? Profile = null,
    [property: Id(7)] CharacterVitals? Vitals = null);
