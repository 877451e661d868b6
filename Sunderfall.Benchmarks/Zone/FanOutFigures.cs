namespace Sunderfall.Benchmarks.Zone;

/// <summary>The frontend's per-tick cost to serve every player of a zone, grid versus brute-force interest.</summary>
internal sealed record FanOutFigures(int Players, double GridP99Ms, double BruteForceP99Ms, double VisiblePerClient, long PayloadBytesPerTick);
