namespace Sunderfall.LoadTest.Engine;

/// <summary>The largest bot count that held, its window (null when none held), and every step tried.</summary>
public sealed record CapacityResult(int Capacity, WindowResult? AtCapacity, IReadOnlyList<CapacityStep> Steps, string StoppedBecause);
