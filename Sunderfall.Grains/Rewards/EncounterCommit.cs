using Sunderfall.Grains.Interfaces.Rewards;

namespace Sunderfall.Grains.Rewards;

/// <summary>
/// A finished encounter as it is committed: its full record (seed, input log, outcome; JSON, kept for support and
/// replay) and what each player earned from it.
/// </summary>
public sealed record EncounterCommit(
    Guid EncounterId,
    string ZoneId,
    DateTimeOffset EndedAt,
    string RecordJson,
    IReadOnlyList<RewardGrant> Grants);
