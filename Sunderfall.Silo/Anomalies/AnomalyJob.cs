using Microsoft.Extensions.Options;
using Sunderfall.Silo.Rewards;

namespace Sunderfall.Silo.Anomalies;

/// <summary>
/// Runs <see cref="AnomalyDetector"/> every <see cref="AnomalyOptions.Interval"/> over the last
/// <see cref="AnomalyOptions.Window"/>. Every silo runs it; a finding is flagged once per window, so repeats only
/// repeat the reading.
/// </summary>
public sealed class AnomalyJob(
    AnomalyDetector detector, IOptions<AnomalyOptions> options, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<AnomalyJob> logger)
    : PeriodicSiloService(lifetime, clock, logger)
{
    private readonly TimeProvider now = clock;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override string Name => "anomaly check";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        foreach (var finding in await detector.RunAsync(now.GetUtcNow(), options.Value, cancellationToken))
        {
            logger.LogWarning("anomaly check: player {Player} has {Kind} {Value:0} in the last {Window} (median {Median:0} of {Population} players); flagged",
                finding.PlayerId, finding.Kind, finding.Value, options.Value.Window, finding.Median, finding.Population);
        }
    }
}
