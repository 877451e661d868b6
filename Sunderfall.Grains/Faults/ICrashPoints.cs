namespace Sunderfall.Grains.Faults;

/// <summary>
/// Named points in the reward path where a fault-injection test may have the silo process killed, to prove that a
/// crash at that exact step loses and duplicates nothing. Production silos register <see cref="NoCrashPoints"/>.
/// </summary>
public interface ICrashPoints
{
    /// <summary>Called when execution reaches <paramref name="point"/> (one of <see cref="CrashPoint"/>).</summary>
    void Reached(string point);
}
