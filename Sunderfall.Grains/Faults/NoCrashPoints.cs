namespace Sunderfall.Grains.Faults;

/// <summary>Crash points that never crash: the production default.</summary>
public sealed class NoCrashPoints : ICrashPoints
{
    public static NoCrashPoints Instance { get; } = new();

    public void Reached(string point)
    {
    }
}
