namespace Sunderfall.Grains.Interfaces.Operations;

/// <summary>
/// What one silo or frontend process says about itself every few seconds, for the operator console: its own CPU use
/// (percent of one core, summed over cores), working set and managed heap, and for a frontend the players it serves
/// in the world (its connections with a character bound; 0 for a silo).
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.ProcessReport")]
public sealed record ProcessReport(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string Host,
    [property: Id(3)] int ProcessId,
    [property: Id(4)] double CpuPercent,
    [property: Id(5)] long WorkingSetBytes,
    [property: Id(6)] long ManagedBytes,
    [property: Id(7)] int Players,
    [property: Id(8)] DateTimeOffset At);
