namespace Sunderfall.LoadTest.Runs;

/// <summary>
/// How a capacity search steps: from where, up to what, how finely, how long each window, within what time; and how
/// long the first step runs before anything is measured (the servers' JIT warming up).
/// </summary>
public sealed record CapacityPlan(int Start, int Max, int Resolution, TimeSpan Hold, TimeSpan Settle, TimeSpan Budget, double P99LimitMs, TimeSpan WarmUp = default);
