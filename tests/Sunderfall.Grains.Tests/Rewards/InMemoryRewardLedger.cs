using System.Collections.Concurrent;
using Sunderfall.Grains.Interfaces.Rewards;
using Sunderfall.Grains.Rewards;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Tests.Rewards;

/// <summary>
/// The reward ledger's contract kept in memory for grain tests (the PostgreSQL ledger is tested against a real
/// database in the silo's tests). <see cref="Shared"/> serves both test silos.
/// </summary>
public sealed class InMemoryRewardLedger : IRewardLedger
{
    public static InMemoryRewardLedger Shared { get; } = new();

    private readonly object gate = new();
    private readonly Dictionary<Guid, EncounterCommit> encounters = [];
    private readonly List<(RewardGrant Grant, DateTimeOffset CommittedAt, bool Delivered)> grants = [];

    private readonly ConcurrentQueue<TransactionEntry> logged = new();

    /// <summary>How many times a grant was marked delivered, by grant id (tests check "exactly once").</summary>
    public ConcurrentDictionary<string, int> DeliveredMarks { get; } = new();

    /// <summary>
    /// The transaction log entries written with commits and marks where the player is the actor or the target, oldest
    /// first (the PostgreSQL ledger writes them in the same transaction).
    /// </summary>
    public IReadOnlyList<TransactionEntry> LoggedOf(Guid playerId) => [.. logged.Where(e => e.ActorId == playerId || e.TargetId == playerId)];

    public Task<bool> CommitAsync(EncounterCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (gate)
        {
            if (!encounters.TryAdd(commit.EncounterId, commit))
            {
                return Task.FromResult(false);
            }

            grants.AddRange(commit.Grants.Select(g => (g, DateTimeOffset.UtcNow, false)));
            foreach (var entry in commit.Log ?? [])
            {
                logged.Enqueue(entry);
            }

            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<RewardGrant>> PendingGrantsAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<RewardGrant>>([.. grants.Where(g => g.Grant.PlayerId == playerId && !g.Delivered).Select(g => g.Grant)]);
        }
    }

    public Task MarkDeliveredAsync(Guid encounterId, Guid playerId, IReadOnlyList<TransactionEntry>? log = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            for (var i = 0; i < grants.Count; i++)
            {
                if (grants[i].Grant.EncounterId == encounterId && grants[i].Grant.PlayerId == playerId)
                {
                    if (!grants[i].Delivered)
                    {
                        foreach (var entry in log ?? [])
                        {
                            logged.Enqueue(entry);
                        }
                    }

                    grants[i] = grants[i] with { Delivered = true };
                    DeliveredMarks.AddOrUpdate(grants[i].Grant.GrantId, 1, (_, n) => n + 1);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> PlayersWithUndeliveredGrantsAsync(TimeSpan olderThan, int limit, CancellationToken cancellationToken = default)
    {
        var cutoff = DateTimeOffset.UtcNow - olderThan;
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Guid>>([.. grants.Where(g => !g.Delivered && g.CommittedAt <= cutoff).Select(g => g.Grant.PlayerId).Distinct().Take(limit)]);
        }
    }

    public Task<string?> GetEncounterAsync(Guid encounterId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(encounters.TryGetValue(encounterId, out var commit) ? commit.RecordJson : null);
        }
    }
}
