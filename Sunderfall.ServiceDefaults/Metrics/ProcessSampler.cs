using System.Diagnostics;

namespace Sunderfall.ServiceDefaults.Metrics;

/// <summary>
/// This process's CPU use between two samples (percent of one core: 150 means one and a half cores busy), its working
/// set and its managed heap, as silos and frontends report them to the operator console.
/// </summary>
public sealed class ProcessSampler
{
    private readonly Lock gate = new();
    private TimeSpan lastCpu;
    private long lastAt;

    public ProcessSampler()
    {
        using var process = Process.GetCurrentProcess();
        lastCpu = process.TotalProcessorTime;
        lastAt = Stopwatch.GetTimestamp();
    }

    /// <summary>CPU percent since the previous sample (or since construction), working set bytes, managed heap bytes.</summary>
    public (double CpuPercent, long WorkingSetBytes, long ManagedBytes) Sample()
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var now = Stopwatch.GetTimestamp();
        double percent;
        lock (gate)
        {
            var wall = Stopwatch.GetElapsedTime(lastAt, now);
            percent = wall > TimeSpan.Zero ? Math.Round((cpu - lastCpu) / wall * 100, 1) : 0;
            (lastCpu, lastAt) = (cpu, now);
        }

        return (Math.Max(0, percent), process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}
