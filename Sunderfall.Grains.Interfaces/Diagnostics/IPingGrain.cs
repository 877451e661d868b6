namespace Sunderfall.Grains.Interfaces.Diagnostics;

/// <summary>
/// Answers at once with what it was sent: the cost of a bare Orleans call (client to silo and back), the baseline the
/// load tester measures the game's own paths against.
/// </summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    /// <summary>Returns <paramref name="value"/> unchanged.</summary>
    Task<long> PingAsync(long value);
}
