namespace Sunderfall.LoadTest.Engine;

/// <summary>One second of a run.</summary>
public sealed record TimelinePoint(
    double Seconds,
    int Bots,
    int Connected,
    int InGame,
    double InputsPerSecond,
    double EntityUpdatesPerSecond,
    double BytesPerClientPerSecond,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    long Errors,
    IReadOnlyList<ProcessSample> Processes);
