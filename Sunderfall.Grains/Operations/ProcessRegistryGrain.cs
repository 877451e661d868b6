using Sunderfall.Grains.Interfaces.Operations;

namespace Sunderfall.Grains.Operations;

/// <summary>The cluster's processes as they last reported; see <see cref="IProcessRegistryGrain"/>.</summary>
public sealed class ProcessRegistryGrain(TimeProvider clock) : Grain, IProcessRegistryGrain
{
    private const int MaxProcesses = 1024;
    private readonly Dictionary<string, (ProcessReport Report, DateTimeOffset Received)> reports = new(StringComparer.Ordinal);

    public Task ReportAsync(ProcessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Prune();
        // Bounded: a flood of made-up ids cannot grow the registry without limit.
        if (reports.Count < MaxProcesses || reports.ContainsKey(Key(report)))
        {
            reports[Key(report)] = (report, clock.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ProcessReport>> GetReportsAsync()
    {
        var cutoff = clock.GetUtcNow() - ProcessReports.Expiry;
        IReadOnlyList<ProcessReport> live = [.. reports.Values.Where(r => r.Received >= cutoff).Select(r => r.Report)
            .OrderBy(r => r.Kind == ProcessReports.Silo ? 0 : 1).ThenBy(r => r.Id, StringComparer.Ordinal)];
        return Task.FromResult(live);
    }

    private void Prune()
    {
        var cutoff = clock.GetUtcNow() - ProcessReports.Expiry;
        foreach (var key in reports.Where(r => r.Value.Received < cutoff).Select(r => r.Key).ToList())
        {
            reports.Remove(key);
        }
    }

    private static string Key(ProcessReport report) => $"{report.Kind}:{report.Id}";
}
