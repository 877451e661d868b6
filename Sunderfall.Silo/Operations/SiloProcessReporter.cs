using Sunderfall.Grains.Interfaces.Operations;
using Sunderfall.ServiceDefaults.Metrics;
using Sunderfall.Silo.Rewards;

namespace Sunderfall.Silo.Operations;

/// <summary>Reports this silo's CPU, memory and address to the <see cref="IProcessRegistryGrain"/> for the operator console.</summary>
public sealed class SiloProcessReporter(
    IGrainFactory grains, ILocalSiloDetails silo, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<SiloProcessReporter> logger)
    : PeriodicSiloService(lifetime, clock, logger)
{
    private readonly ProcessSampler sampler = new();
    private readonly TimeProvider now = clock;

    protected override TimeSpan Interval => ProcessReports.Interval;

    protected override string Name => "process report";

    protected override Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var (cpu, workingSet, managed) = sampler.Sample();
        return grains.GetGrain<IProcessRegistryGrain>(0).ReportAsync(new ProcessReport(
            ProcessReports.Silo, silo.SiloAddress.ToString(), Environment.MachineName, Environment.ProcessId, cpu, workingSet, managed, 0, now.GetUtcNow()));
    }
}
