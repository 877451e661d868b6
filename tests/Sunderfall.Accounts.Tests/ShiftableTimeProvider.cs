namespace Sunderfall.Accounts.Tests;

/// <summary>The system clock plus an offset the test moves forward; timers still run in real time.</summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
