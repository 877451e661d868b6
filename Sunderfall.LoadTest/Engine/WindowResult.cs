namespace Sunderfall.LoadTest.Engine;

/// <summary>What a hold window measured: the figures a capacity step is judged on.</summary>
public sealed record WindowResult(
    int Bots,
    double Seconds,
    int MinConnected,
    int MinInGame,
    double InputsPerSecond,
    double AcknowledgedRatio,
    double EntityUpdatesPerSecond,
    double BytesPerClientPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long LatencyCount,
    IReadOnlyDictionary<string, long> Errors,
    long ErrorTotal,
    IReadOnlyDictionary<string, double> CpuPercent,
    IReadOnlyDictionary<string, double> MaxRssMb);
