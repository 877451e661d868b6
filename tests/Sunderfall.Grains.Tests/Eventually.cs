using System.Diagnostics;

namespace Sunderfall.Grains.Tests;

/// <summary>Bounded polling for effects that arrive asynchronously (ticks, timers, one-way calls).</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="probe"/> until it returns a value or <paramref name="timeout"/> passes; then returns null.</summary>
    public static Task<T?> FindAsync<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        return AskUntilFoundAsync(() => Task.FromResult(probe()), timeout);
    }

    /// <summary>Asks <paramref name="probe"/> (e.g. a grain) until it returns a value or <paramref name="timeout"/> passes; then returns null.</summary>
    public static async Task<T?> AskUntilFoundAsync<T>(Func<Task<T?>> probe, TimeSpan timeout)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (waited.Elapsed >= timeout)
            {
                return null;
            }

            await Task.Delay(PollInterval);
        }
    }
}
