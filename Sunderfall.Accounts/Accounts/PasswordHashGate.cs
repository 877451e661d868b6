using System.Diagnostics.CodeAnalysis;

namespace Sunderfall.Accounts.Accounts;

/// <summary>
/// Admits password hashes: at most <c>maxConcurrent</c> run at once and at most <c>maxQueued</c> wait their turn;
/// one more is refused at once with <see cref="PasswordHashingBusyException"/> rather than queued without bound. A
/// caller that gives up while waiting (its request was abandoned) leaves the queue and its hash is never computed.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The SemaphoreSlim never creates its wait handle (AvailableWaitHandle is not used), so there is nothing to dispose; the gate lives as long as the process.")]
public sealed class PasswordHashGate
{
    private readonly SemaphoreSlim slots;
    private readonly int capacity;
    private int admitted;
    private long completed;

    public PasswordHashGate(int maxConcurrent, int maxQueued)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueued);
        slots = new SemaphoreSlim(maxConcurrent, maxConcurrent);
        MaxConcurrent = maxConcurrent;
        MaxQueued = maxQueued;
        capacity = maxConcurrent + maxQueued;
    }

    public int MaxConcurrent { get; }

    public int MaxQueued { get; }

    /// <summary>Hashes running or waiting now.</summary>
    public int Admitted => Volatile.Read(ref admitted);

    /// <summary>Pieces of work run to the end since the start.</summary>
    public long Completed => Interlocked.Read(ref completed);

    /// <summary>Runs <paramref name="work"/> when a slot is free; refuses at once when the queue is full.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Interlocked.Increment(ref admitted) > capacity)
        {
            Interlocked.Decrement(ref admitted);
            throw new PasswordHashingBusyException(MaxConcurrent, MaxQueued);
        }

        try
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // The slot may come just as the request is abandoned: do not hash for no one.
                cancellationToken.ThrowIfCancellationRequested();
                var result = work();
                Interlocked.Increment(ref completed);
                return result;
            }
            finally
            {
                slots.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref admitted);
        }
    }
}
