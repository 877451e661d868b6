using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Rewards;

/// <summary>
/// The durable record of what players earned (PostgreSQL in the silo). A grant is committed once, before anyone is
/// told about it, and stays undelivered until the player grain has applied and saved it; whatever crashes in
/// between, the undelivered grant is still there to be applied (and the player grain's applied-grant ids keep a
/// second delivery from applying it twice).
/// </summary>
public interface IRewardLedger
{
    /// <summary>
    /// Commits the encounter and its grants (and their transaction log entries, with <see cref="EncounterCommit.Log"/>)
    /// in one transaction. Idempotent by encounter id: returns false, changing nothing, if the encounter was committed
    /// before.
    /// </summary>
    Task<bool> CommitAsync(EncounterCommit commit, CancellationToken cancellationToken = default);

    /// <summary>The player's grants that are committed and not yet marked delivered, oldest first.</summary>
    Task<IReadOnlyList<RewardGrant>> PendingGrantsAsync(Guid playerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a grant delivered (applied and saved by the player grain) and, in the same transaction, writes
    /// <paramref name="log"/> (its reward.applied and progress.level entries): the entries are written by the one call
    /// that marks the grant, so exactly once. Marking again changes and writes nothing.
    /// </summary>
    Task MarkDeliveredAsync(Guid encounterId, Guid playerId, IReadOnlyList<TransactionEntry>? log = null, CancellationToken cancellationToken = default);

    /// <summary>Players holding grants committed more than <paramref name="olderThan"/> ago and still undelivered.</summary>
    Task<IReadOnlyList<Guid>> PlayersWithUndeliveredGrantsAsync(TimeSpan olderThan, int limit, CancellationToken cancellationToken = default);

    /// <summary>The committed record of an encounter (see <see cref="EncounterCommit.RecordJson"/>), or null.</summary>
    Task<string?> GetEncounterAsync(Guid encounterId, CancellationToken cancellationToken = default);
}
