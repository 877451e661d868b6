using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sunderfall.Grains.Zones;

/// <summary>
/// The zone's share of an input's way to its result, on the "Sunderfall.Zones" meter (exported at the silo's
/// /metrics): how long an input waits in the zone for the tick that applies it, how long a tick takes, and how
/// regularly ticks come. One instance per silo, shared by its zone grains.
/// </summary>
public sealed class ZoneMetrics
{
    public const string MeterName = "Sunderfall.Zones";

    private readonly Histogram<double> inputWait;
    private readonly Histogram<double> tickDuration;
    private readonly Histogram<double> tickInterval;
    private readonly Counter<long> inputs;
    private readonly Counter<long> batches;

    public ZoneMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        inputWait = meter.CreateHistogram<double>("sunderfall.zone.input.wait", "s", "From a zone taking a movement input to the start of the tick that applies it.");
        tickDuration = meter.CreateHistogram<double>("sunderfall.zone.tick.duration", "s", "How long one zone tick takes: simulation, combat, and handing each frontend its batch.");
        tickInterval = meter.CreateHistogram<double>("sunderfall.zone.tick.interval", "s", "From the start of one zone tick to the start of the next (the configured tick when the silo keeps up).");
        inputs = meter.CreateCounter<long>("sunderfall.zone.inputs", null, "Movement inputs a zone took, by outcome (accepted or refused).");
        batches = meter.CreateCounter<long>("sunderfall.zone.batches", null, "Tick batches sent from zones to frontends.");
    }

    public void InputWaited(long takenAt, long tickStart) => inputWait.Record(Stopwatch.GetElapsedTime(takenAt, tickStart).TotalSeconds);

    public void Ticked(long previousStart, long start, long end)
    {
        tickDuration.Record(Stopwatch.GetElapsedTime(start, end).TotalSeconds);
        if (previousStart != 0)
        {
            tickInterval.Record(Stopwatch.GetElapsedTime(previousStart, start).TotalSeconds);
        }
    }

    public void InputsTaken(int accepted, int refused)
    {
        if (accepted > 0)
        {
            inputs.Add(accepted, new KeyValuePair<string, object?>("outcome", "accepted"));
        }

        if (refused > 0)
        {
            inputs.Add(refused, new KeyValuePair<string, object?>("outcome", "refused"));
        }
    }

    public void BatchSent() => batches.Add(1);
}
