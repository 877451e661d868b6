using Sunderfall.Grains.Interfaces.Chat;
using Sunderfall.Grains.Interfaces.Combat;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// One tick of a zone instance, sent to each subscribed frontend for every tick in which something changed, and for
/// the first tick after those in which nothing did (an empty batch: the world now stands still). When
/// <see cref="Full"/> is set, <see cref="Spawned"/> holds every entity and replaces whatever the frontend had;
/// otherwise the batch applies on top of the previous one. <see cref="Sequence"/> counts the batches sent to this
/// frontend without gaps: a frontend that sees a gap asks for a full batch.
/// <see cref="Acks"/> maps each of this frontend's players to the last input sequence number applied.
/// <see cref="Combat"/> holds the tick's combat events (every frontend gets all; each filters by its clients' view)
/// and <see cref="Chat"/> the zone chat lines sent since the last batch.
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.ZoneTickBatch")]
public sealed record ZoneTickBatch(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] long Tick,
    [property: Id(8)] long Sequence,
    [property: Id(2)] bool Full,
    [property: Id(3)] IReadOnlyList<ZoneEntityState> Spawned,
    [property: Id(4)] IReadOnlyList<ZoneMotion> Moved,
    [property: Id(5)] IReadOnlyList<int> Despawned,
    [property: Id(6)] IReadOnlyList<PlayerNotice> Notices,
    [property: Id(7)] IReadOnlyDictionary<Guid, long> Acks,
    [property: Id(9)] IReadOnlyList<CombatEvent>? Combat = null,
    [property: Id(10)] IReadOnlyList<ChatLine>? Chat = null);
