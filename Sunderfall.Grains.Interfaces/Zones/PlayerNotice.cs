using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// Something one player's connection must be told, sent only to that player's frontend. Arrived notices carry the
/// zone's <see cref="Entry"/>; corrections carry the authoritative position and the reason;
/// vitals notices carry the player's own <see cref="Vitals"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.PlayerNotice")]
public sealed record PlayerNotice(
    [property: Id(0)] Guid PlayerId,
    [property: Id(1)] PlayerNoticeKind Kind,
    [property: Id(2)] int NetId,
    [property: Id(3)] WorldPosition Position,
    [property: Id(4)] GameError? Error,
    [property: Id(5)] ZoneEntrySnapshot? Entry = null,
    [property: Id(6)] PlayerVitals? Vitals = null);
