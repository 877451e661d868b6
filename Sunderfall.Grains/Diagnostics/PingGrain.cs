using Orleans.Concurrency;
using Sunderfall.Grains.Interfaces.Diagnostics;

namespace Sunderfall.Grains.Diagnostics;

/// <summary>Echoes the value: the load tester's raw grain call baseline.</summary>
// Stateless and keyed by 0 for every caller: a worker per silo core keeps one activation from being the bottleneck.
[StatelessWorker]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<long> PingAsync(long value) => Task.FromResult(value);
}
