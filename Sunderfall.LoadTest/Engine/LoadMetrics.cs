using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace Sunderfall.LoadTest.Engine;

/// <summary>Counters every bot adds to (thread-safe, lock-free on the hot path).</summary>
public sealed class LoadMetrics
{
    /// <summary>Latencies are recorded in microseconds, up to a minute.</summary>
    public const long HighestMicroseconds = 60_000_000;

    private readonly Recorder latency = new(1, HighestMicroseconds, 3, (id, low, high, digits) => new LongHistogram(id, low, high, digits));
    private readonly ConcurrentDictionary<string, long> errors = new(StringComparer.Ordinal);
    private long inputs;
    private long acked;
    private long updates;
    private long bytes;

    public long Inputs => Interlocked.Read(ref inputs);

    public long Acked => Interlocked.Read(ref acked);

    public long Updates => Interlocked.Read(ref updates);

    public long Bytes => Interlocked.Read(ref bytes);

    public void InputSent() => Interlocked.Increment(ref inputs);

    public void EntityUpdates(int count)
    {
        if (count > 0)
        {
            Interlocked.Add(ref updates, count);
        }
    }

    public void BytesReceived(long count) => Interlocked.Add(ref bytes, count);

    /// <summary>An input's result was seen <paramref name="elapsedTimestamp"/> Stopwatch ticks after it was sent.</summary>
    public void InputAcknowledged(long elapsedTimestamp)
    {
        Interlocked.Increment(ref acked);
        var micros = Math.Clamp(elapsedTimestamp * 1_000_000 / Stopwatch.Frequency, 1, HighestMicroseconds);
        latency.RecordValue(micros);
    }

    public void Error(string code) => errors.AddOrUpdate(code, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(errors, StringComparer.Ordinal);

    public long ErrorTotal => errors.Values.Sum();

    /// <summary>The latencies recorded since the previous call.</summary>
    public HistogramBase TakeInterval() => latency.GetIntervalHistogram();
}
