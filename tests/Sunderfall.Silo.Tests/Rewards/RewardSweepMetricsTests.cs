using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Sunderfall.Silo.Rewards;
using Xunit;

namespace Sunderfall.Silo.Tests.Rewards;

public sealed class RewardSweepMetricsTests
{
    [Fact]
    public void UndeliveredPlayers_ReadsWhatTheLastRoundFound()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new RewardSweepMetrics(services.GetRequiredService<IMeterFactory>());
        var seen = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RewardSweepMetrics.MeterName && instrument.Name == "sunderfall.rewards.undelivered.players")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => seen.Add(value));
        listener.Start();

        metrics.Swept(7);
        listener.RecordObservableInstruments();
        metrics.Swept(0);
        listener.RecordObservableInstruments();

        Assert.Equal([7, 0], seen);
    }
}
