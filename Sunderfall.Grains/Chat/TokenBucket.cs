namespace Sunderfall.Grains.Chat;

/// <summary>
/// A rate limit: up to <see cref="Capacity"/> actions at once, refilled at <see cref="PerSecond"/> per second.
/// Starts full. Not thread-safe (one grain owns it).
/// </summary>
public sealed class TokenBucket
{
    private double tokens;
    private DateTimeOffset? last;

    public TokenBucket(int capacity, double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        Capacity = capacity;
        PerSecond = perSecond;
        tokens = capacity;
    }

    public int Capacity { get; }

    public double PerSecond { get; }

    /// <summary>Takes one token at <paramref name="now"/> if there is one; otherwise says how long until there is.</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan retryAfter)
    {
        if (last is { } previous && now > previous)
        {
            tokens = Math.Min(Capacity, tokens + ((now - previous).TotalSeconds * PerSecond));
        }

        // A clock stepping back refills nothing, and the later time stays the starting point.
        if (last is null || now > last)
        {
            last = now;
        }

        if (tokens >= 1)
        {
            tokens--;
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = TimeSpan.FromSeconds((1 - tokens) / PerSecond);
        return false;
    }
}
