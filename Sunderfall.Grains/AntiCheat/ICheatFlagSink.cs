namespace Sunderfall.Grains.AntiCheat;

/// <summary>
/// Where raised flags go (the silo writes them to PostgreSQL's cheat_flags). Called from the zone tick: an
/// implementation must return at once and never throw; storing is its own business, off the caller's thread.
/// </summary>
public interface ICheatFlagSink
{
    /// <summary>Queues a flag for storing without blocking the caller.</summary>
    void Report(CheatFlag flag);
}
