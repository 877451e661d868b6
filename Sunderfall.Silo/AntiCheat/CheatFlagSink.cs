using Sunderfall.Grains.AntiCheat;
using Sunderfall.Stores.CheatFlags;

namespace Sunderfall.Silo.AntiCheat;

/// <summary>The zones' <see cref="ICheatFlagSink"/>: hands each flag to the <see cref="CheatFlagWriter"/> that owns cheat_flags' writes.</summary>
public sealed class CheatFlagSink(CheatFlagWriter writer) : ICheatFlagSink
{
    /// <inheritdoc/>
    public void Report(CheatFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        writer.Report(new CheatFlagReport(
            flag.At, flag.AccountId, flag.PlayerId, flag.Kind, flag.Severity, flag.Count,
            flag.Details.ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal)));
    }
}
