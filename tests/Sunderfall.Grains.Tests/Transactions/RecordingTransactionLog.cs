using System.Collections.Concurrent;
using Sunderfall.Grains.Transactions;

namespace Sunderfall.Grains.Tests.Transactions;

/// <summary>Keeps every entry appended. <see cref="Shared"/> is the log of both test silos; tests look only at their own players.</summary>
public sealed class RecordingTransactionLog : ITransactionLog
{
    /// <summary>The instance the test silos are given (they run in this process).</summary>
    public static RecordingTransactionLog Shared { get; } = new();

    private readonly ConcurrentQueue<TransactionEntry> entries = new();

    /// <summary>Entries where the player is the actor or the target, oldest first.</summary>
    public IReadOnlyList<TransactionEntry> Of(Guid playerId) => [.. entries.Where(e => e.ActorId == playerId || e.TargetId == playerId)];

    public void Append(TransactionEntry entry) => entries.Enqueue(entry);
}
