using System.Diagnostics.Metrics;

namespace Sunderfall.Stores.CheatFlags;

/// <summary>
/// Cheat flags raised through this process's <see cref="CheatFlagWriter"/>, on the "Sunderfall.AntiCheat" meter (exported
/// at /metrics): <c>sunderfall.cheat_flags.reported</c> counts them by kind (a silo's zones, a frontend's hub);
/// <c>sunderfall.cheat_flags.dropped</c> counts flags lost because the queue was full or the database refused them. The
/// reconciliation's and anomaly job's flags, written once per window in the database, are not counted here.
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
        reported = meter.CreateCounter<long>("sunderfall.cheat_flags.reported", null, "Cheat flags raised in this process, by kind.");
    }

    public void Reported(string kind) => reported.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Exports the writer's count of dropped flags.</summary>
    public void ObserveDropped(Func<long> dropped) =>
        meter.CreateObservableCounter("sunderfall.cheat_flags.dropped", dropped, null, "Cheat flags lost: the write queue was full or the database refused them.");
}
