using Sunderfall.Grains.Interfaces.Diagnostics;
using Sunderfall.LoadTest.Engine;

namespace Sunderfall.LoadTest.Bots;

/// <summary>
/// The raw Orleans baseline: a caller of the ping grain at the input rate, through one shared cluster client.
/// Latency: the call's round trip.
/// </summary>
internal sealed class PingBot(int index, LoadOptions options, LoadMetrics metrics, IClusterClient cluster) : Bot(index, options, metrics)
{
    private long sequence;
    private bool joined;

    public override bool Connected => joined;

    public override bool InGame => joined;

    protected override Task<bool> JoinAsync(CancellationToken cancellationToken)
    {
        joined = true;
        return Task.FromResult(true);
    }

    protected override Task LeaveAsync()
    {
        joined = false;
        return Task.CompletedTask;
    }

    protected override ValueTask CloseAsync() => ValueTask.CompletedTask;

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        var next = ++sequence;
        Sending(next);
        Metrics.InputSent();
        try
        {
            var echoed = await cluster.GetGrain<IPingGrain>(0).PingAsync(next).ConfigureAwait(false);
            Metrics.EntityUpdates(1);
            Acknowledged(echoed);
        }
        catch (OrleansException ex)
        {
            Metrics.Error("Orleans:" + ex.GetType().Name);
        }
        catch (TimeoutException)
        {
            Metrics.Error("Timeout");
        }
    }
}
