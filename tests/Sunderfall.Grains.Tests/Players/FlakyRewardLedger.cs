using System.Collections.Concurrent;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Rewards;
using Sunderfall.Grains.Tests.Rewards;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Tests.Players;

/// <summary>
/// An in-memory ledger that can lose a player's next delivered mark (the mark throws, as when the player grain's silo
/// dies or the database is unreachable between saving the character and marking the grant), and counts how often
/// each player's pending grants were read. <see cref="Shared"/> serves the silo of <see cref="FlakyLedgerClusterFixture"/>.
/// </summary>
public sealed class FlakyRewardLedger : IRewardLedger
{
    public static FlakyRewardLedger Shared { get; } = new();

    private readonly ConcurrentDictionary<Guid, int> marksToLose = new();

    /// <summary>The ledger behind, holding what is committed and what is marked.</summary>
    public InMemoryRewardLedger Inner { get; } = new();

    /// <summary>Ids of the grants whose mark was lost.</summary>
    public ConcurrentBag<string> LostMarks { get; } = [];

    /// <summary>How many times each player's pending grants were read.</summary>
    public ConcurrentDictionary<Guid, int> PendingReads { get; } = new();

    /// <summary>The player's next mark throws instead of marking.</summary>
    public void LoseNextMarkOf(Guid playerId) => marksToLose.AddOrUpdate(playerId, 1, (_, n) => n + 1);

    public Task<bool> CommitAsync(EncounterCommit commit, CancellationToken cancellationToken = default) =>
        Inner.CommitAsync(commit, cancellationToken);

    public Task<IReadOnlyList<RewardGrant>> PendingGrantsAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        PendingReads.AddOrUpdate(playerId, 1, (_, n) => n + 1);
        return Inner.PendingGrantsAsync(playerId, cancellationToken);
    }

    public Task MarkDeliveredAsync(Guid encounterId, Guid playerId, IReadOnlyList<TransactionEntry>? log = null, CancellationToken cancellationToken = default)
    {
        if (marksToLose.TryGetValue(playerId, out var left) && left > 0 && marksToLose.TryUpdate(playerId, left - 1, left))
        {
            LostMarks.Add($"{encounterId:N}:{playerId:N}");
            throw new InvalidOperationException("simulated: the delivered mark was lost");
        }

        return Inner.MarkDeliveredAsync(encounterId, playerId, log, cancellationToken);
    }

    public Task<IReadOnlyList<Guid>> PlayersWithUndeliveredGrantsAsync(TimeSpan olderThan, int limit, CancellationToken cancellationToken = default) =>
        Inner.PlayersWithUndeliveredGrantsAsync(olderThan, limit, cancellationToken);

    public Task<string?> GetEncounterAsync(Guid encounterId, CancellationToken cancellationToken = default) =>
        Inner.GetEncounterAsync(encounterId, cancellationToken);
}
