namespace Sunderfall.Grains.Transactions;

/// <summary>
/// Where grains append transaction log entries (the silo writes them to PostgreSQL's transaction_log in batches).
/// Called from grain turns and the zone tick: an implementation must return at once and never throw.
/// Reward grants are not appended here: the reward ledger writes their entries in the transaction that commits them.
/// </summary>
public interface ITransactionLog
{
    /// <summary>Queues an entry for writing without blocking the caller.</summary>
    void Append(TransactionEntry entry);
}
