using Sunderfall.Frontend.Connections;
using Sunderfall.Frontend.Hosting;
using Sunderfall.Grains.Interfaces.Operations;
using Sunderfall.ServiceDefaults.Metrics;

namespace Sunderfall.Frontend.Operations;

/// <summary>
/// Reports this frontend's CPU, memory and players in the world to the <see cref="IProcessRegistryGrain"/> every
/// <see cref="ProcessReports.Interval"/>, for the operator console. A report that cannot be delivered (no silo yet) is
/// skipped; the next one tries again.
/// </summary>
public sealed class FrontendProcessReporter(
    IClusterClient cluster, FrontendIdentity identity, ConnectionRegistry registry, TimeProvider clock, ILogger<FrontendProcessReporter> logger)
    : BackgroundService
{
    private readonly ProcessSampler sampler = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ProcessReports.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (cpu, workingSet, managed) = sampler.Sample();
                try
                {
                    await cluster.GetGrain<IProcessRegistryGrain>(0).ReportAsync(new ProcessReport(
                        ProcessReports.Frontend, identity.Id, Environment.MachineName, Environment.ProcessId, cpu, workingSet, managed, registry.Count, clock.GetUtcNow()));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogDebug(ex, "process report not delivered; the next one tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
