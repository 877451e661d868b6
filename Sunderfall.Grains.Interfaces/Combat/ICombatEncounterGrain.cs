using Orleans.Concurrency;

namespace Sunderfall.Grains.Interfaces.Combat;

/// <summary>
/// One combat encounter, keyed by its id. The zone fights it at its tick (the zone owns positions) and hands the
/// finished record here; this grain commits the record and every player's reward to PostgreSQL in one transaction,
/// confirms to the zone, and only then has the players apply their rewards. Settling twice commits once.
/// </summary>
public interface ICombatEncounterGrain : IGrainWithGuidKey
{
    /// <summary>Commits a finished encounter (idempotent) and tells its zone and players.</summary>
    // One-way: the zone must never wait on PostgreSQL; it re-sends until EncounterSettledAsync confirms.
    [OneWay]
    Task SettleAsync(EncounterRecord record);

    /// <summary>The committed record, or null if this encounter was never committed.</summary>
    Task<EncounterRecord?> GetAsync();

    /// <summary>Replays the committed record's input log from its seed and compares every amount and reward.</summary>
    Task<EncounterReplayResult> ReplayAsync();
}
