using Microsoft.Extensions.Options;
using Sunderfall.ServiceDefaults.Clustering;
using Sunderfall.Silo.Rewards;
using Sunderfall.Stores.Support;

namespace Sunderfall.Silo.Reconciliation;

/// <summary>
/// Runs <see cref="ResourceReconciler"/> for this silo's service every <see cref="ReconciliationOptions.Interval"/>
/// and logs what it flagged. Every silo runs it; runs take turns in the database and a discrepancy is flagged at most
/// once a day, so several silos only repeat the reading, never the flags.
/// </summary>
public sealed class ReconciliationJob(
    ResourceReconciler reconciler,
    IOptions<ReconciliationOptions> options,
    IOptions<ClusteringOptions> cluster,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ReconciliationJob> logger) : PeriodicSiloService(lifetime, time, logger)
{
    // Enough lines to act on; the rest are in cheat_flags.
    private const int MaxLoggedFlags = 20;

    /// <inheritdoc/>
    protected override TimeSpan Interval => options.Value.Interval;

    /// <inheritdoc/>
    protected override string Name => "reconciliation";

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    /// <inheritdoc/>
    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var found = await reconciler.RunAsync(cluster.Value.ServiceId, cancellationToken);
        var raised = found.Where(d => d.NewFlag).ToList();
        foreach (var d in raised.Take(MaxLoggedFlags))
        {
            logger.LogWarning("reconciliation: character {Player} holds {Held} of {Resource} but was granted {Granted}; flagged ({FlagId})",
                d.PlayerId, d.Held, d.Resource, d.Granted, d.FlagId);
        }

        if (raised.Count > 0)
        {
            logger.LogWarning("reconciliation: {Found} discrepancies, {Raised} newly flagged (the others were flagged within the last day)", found.Count, raised.Count);
        }
    }
}
