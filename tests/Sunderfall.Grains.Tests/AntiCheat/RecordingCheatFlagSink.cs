using System.Collections.Concurrent;
using Sunderfall.Grains.AntiCheat;

namespace Sunderfall.Grains.Tests.AntiCheat;

/// <summary>Keeps every flag reported. <see cref="Shared"/> is the sink of both test silos; tests look only at their own players.</summary>
public sealed class RecordingCheatFlagSink : ICheatFlagSink
{
    /// <summary>The instance the test silos are given (they run in this process).</summary>
    public static RecordingCheatFlagSink Shared { get; } = new();

    private readonly ConcurrentQueue<CheatFlag> flags = new();

    public IReadOnlyList<CheatFlag> Flags => [.. flags];

    /// <summary>The flags raised for one player, oldest first.</summary>
    public IReadOnlyList<CheatFlag> FlagsOf(Guid playerId) => [.. flags.Where(f => f.PlayerId == playerId)];

    /// <summary>The first flag raised for one player, or null.</summary>
    public CheatFlag? FirstOf(Guid playerId) => flags.FirstOrDefault(f => f.PlayerId == playerId);

    public void Report(CheatFlag flag) => flags.Enqueue(flag);
}
