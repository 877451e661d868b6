namespace Sunderfall.Accounts.Accounts;

/// <summary>Thrown by <see cref="PasswordHashGate"/> when every hashing slot is busy and the queue is full.</summary>
public sealed class PasswordHashingBusyException : Exception
{
    public PasswordHashingBusyException()
        : this("password hashing is at capacity")
    {
    }

    public PasswordHashingBusyException(string message)
        : base(message)
    {
    }

    public PasswordHashingBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PasswordHashingBusyException(int maxConcurrent, int maxQueued)
        : base($"the server is checking as many passwords as it may ({maxConcurrent} at once, {maxQueued} waiting): try again in a second")
    {
    }
}
