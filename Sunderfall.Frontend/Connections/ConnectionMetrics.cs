using System.Diagnostics.Metrics;

namespace Sunderfall.Frontend.Connections;

/// <summary>
/// What this frontend holds for its connections and whom it closes, on the "Sunderfall.Frontend" meter (exported at
/// /metrics): the bytes of events queued for all connections now, the most any one connection ever had queued, and
/// the connections dropped for not reading, by reason (<see cref="DropReasons"/>).
/// </summary>
public sealed class ConnectionMetrics
{
    private readonly Counter<long> dropped;
    private long queuedBytes;
    private long peakQueuedBytes;

    public ConnectionMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create("Sunderfall.Frontend");
        dropped = meter.CreateCounter<long>(
            "sunderfall.frontend.connections.dropped", null, "Connections closed because their client stopped reading, by reason: queue_full or stalled.");
        meter.CreateObservableGauge(
            "sunderfall.frontend.outbox.queued", () => Interlocked.Read(ref queuedBytes), "By", "Bytes of events queued for all connections, not yet written.");
        meter.CreateObservableGauge(
            "sunderfall.frontend.outbox.queued.peak", () => Interlocked.Read(ref peakQueuedBytes), "By", "The most bytes of events one connection has had queued since the start.");
    }

    /// <summary>Bytes of events queued for all connections now.</summary>
    public long QueuedBytes => Interlocked.Read(ref queuedBytes);

    /// <summary>The most bytes of events one connection has had queued since the start.</summary>
    public long PeakQueuedBytes => Interlocked.Read(ref peakQueuedBytes);

    /// <summary>A connection's queue grew by <paramref name="bytes"/> to <paramref name="connectionTotal"/>.</summary>
    public void Queued(int bytes, long connectionTotal)
    {
        Interlocked.Add(ref queuedBytes, bytes);
        var peak = Interlocked.Read(ref peakQueuedBytes);
        while (connectionTotal > peak)
        {
            var seen = Interlocked.CompareExchange(ref peakQueuedBytes, connectionTotal, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    /// <summary>Bytes left a connection's queue (written, or thrown away with the connection).</summary>
    public void Dequeued(long bytes) => Interlocked.Add(ref queuedBytes, -bytes);

    public void Dropped(string reason) => dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
