using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Rewards;

/// <summary>
/// A finished encounter as it is committed: its full record (seed, input log, outcome; JSON, kept for support and
/// replay), what each player earned from it, and further transaction log entries to write with it (its
/// combat.encounter entries), so that they are written exactly when the encounter is.
/// </summary>
public sealed record EncounterCommit(
    Guid EncounterId,
    string ZoneId,
    DateTimeOffset EndedAt,
    string RecordJson,
    IReadOnlyList<RewardGrant> Grants,
    IReadOnlyList<TransactionEntry>? Log = null);
