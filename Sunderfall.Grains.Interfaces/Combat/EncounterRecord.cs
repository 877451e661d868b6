using Sunderfall.Grains.Interfaces.Rewards;

namespace Sunderfall.Grains.Interfaces.Combat;

/// <summary>
/// A finished combat encounter: its seed and input log (every hit in order, and the kills between them), who took
/// part, and the rewards it produced. Replaying the log with the seed reproduces the amounts and the rewards
/// exactly (see ICombatEncounterGrain.ReplayAsync).
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.EncounterRecord")]
public sealed record EncounterRecord(
    [property: Id(0)] Guid EncounterId,
    [property: Id(1)] string ZoneId,
    [property: Id(2)] int Seed,
    [property: Id(3)] long StartTick,
    [property: Id(4)] long EndTick,
    [property: Id(5)] DateTimeOffset EndedAt,
    [property: Id(6)] IReadOnlyList<EncounterParticipant> Participants,
    [property: Id(7)] IReadOnlyList<EncounterHit> Hits,
    [property: Id(8)] IReadOnlyList<EncounterKill> Kills,
    [property: Id(9)] IReadOnlyList<RewardGrant> Grants);
