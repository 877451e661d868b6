namespace Sunderfall.Benchmarks.Zone;

/// <summary>Per-tick costs at one entity count, in milliseconds.</summary>
internal sealed record TickFigures(int Players, int Monsters, double P50Ms, double P99Ms, double MaxMs, double MovedPerTick);
