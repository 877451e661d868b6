using Orleans.Concurrency;

namespace Sunderfall.Grains.Interfaces.Operations;

/// <summary>
/// The processes of the cluster as they last reported themselves (one grain, key 0). Reports live in memory only: a
/// process that stops reporting drops out after <see cref="ProcessReports.Expiry"/>, and a re-activated registry
/// fills again within one report interval.
/// </summary>
public interface IProcessRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>A process's latest figures, replacing its previous report.</summary>
    // One-way: reporting must never hold a process's timer on the registry.
    [OneWay]
    Task ReportAsync(ProcessReport report);

    /// <summary>The reports younger than <see cref="ProcessReports.Expiry"/>, silos first, then by id.</summary>
    // Always interleaves: a pure read of memory.
    [AlwaysInterleave]
    Task<IReadOnlyList<ProcessReport>> GetReportsAsync();
}
