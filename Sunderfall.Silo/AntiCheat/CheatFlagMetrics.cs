using System.Diagnostics.Metrics;

namespace Sunderfall.Silo.AntiCheat;

/// <summary>
/// The silo's cheat flags on the "Sunderfall.AntiCheat" meter (exported at /metrics): <c>sunderfall.cheat_flags.reported</c>
/// counts flags the zones raised, by kind; <c>sunderfall.cheat_flags.dropped</c> counts flags lost because the queue was
/// full or the database refused them. Flags the frontend raises (hub_rate_limited, hub_flood, invalid_invocation) and
/// the reconciliation and anomaly jobs' flags are not counted here.
/// </summary>
public sealed class CheatFlagMetrics
{
    public const string MeterName = "Sunderfall.AntiCheat";

    private readonly Meter meter;
    private readonly Counter<long> reported;

    public CheatFlagMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meter = meters.Create(MeterName);
        reported = meter.CreateCounter<long>("sunderfall.cheat_flags.reported", null, "Cheat flags raised by the zones of this silo, by kind.");
    }

    public void Reported(string kind) => reported.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Exports the writer's count of dropped flags.</summary>
    public void ObserveDropped(Func<long> dropped) =>
        meter.CreateObservableCounter("sunderfall.cheat_flags.dropped", dropped, null, "Cheat flags lost: the write queue was full or the database refused them.");
}
