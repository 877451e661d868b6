using Sunderfall.Frontend.WebClient;
using Sunderfall.Grains.Interfaces.Operations;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Frontend.Operations;

/// <summary>
/// Assembles what the operator console shows live (GET /api/moderation/overview): players in total and per zone
/// template and channel (from the zone directories), per frontend (from the frontends' own reports), the silos with
/// their membership status and activation counts (from Orleans' management grain) and every process's CPU and memory
/// (from <see cref="IProcessRegistryGrain"/>).
/// </summary>
public sealed class OperatorOverview(IClusterClient cluster, ClientContent content, TimeProvider clock)
{
    /// <summary>The overview as served.</summary>
    public sealed record Snapshot(DateTimeOffset At, int Players, IReadOnlyList<ZoneCount> Zones, IReadOnlyList<SiloInfo> Silos, IReadOnlyList<FrontendInfo> Frontends);

    /// <summary>A zone template's players, and per open channel (instance key to players).</summary>
    public sealed record ZoneCount(string Template, int Players, IReadOnlyDictionary<string, int> Channels);

    /// <summary>A silo: its address, membership status (Active, Joining, ShuttingDown, ...), activations and its process figures if it reported.</summary>
    public sealed record SiloInfo(string Address, string Status, int? Activations, ProcessReport? Process);

    /// <summary>A frontend as it last reported (its players are those it serves in the world).</summary>
    public sealed record FrontendInfo(string Id, int Players, ProcessReport Process);

    public async Task<Snapshot> BuildAsync()
    {
        var zones = await Task.WhenAll(content.ZoneIds().Select(async template =>
        {
            var channels = await cluster.GetGrain<IZoneDirectoryGrain>(template).GetChannelsAsync();
            return new ZoneCount(template, channels.Values.Sum(), channels);
        }));

        var reports = await cluster.GetGrain<IProcessRegistryGrain>(0).GetReportsAsync();
        var management = cluster.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: false);
        var active = hosts.Where(h => h.Value == SiloStatus.Active).Select(h => h.Key).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetRuntimeStatistics(active);
        var activations = active.Zip(statistics).ToDictionary(p => p.First, p => p.Second.ActivationCount);
        var silos = hosts
            .Where(h => h.Value is not SiloStatus.Dead)
            .OrderBy(h => h.Key.ToString(), StringComparer.Ordinal)
            .Select(h => new SiloInfo(
                h.Key.ToString(),
                h.Value.ToString(),
                activations.TryGetValue(h.Key, out var count) ? count : null,
                reports.FirstOrDefault(r => r.Kind == ProcessReports.Silo && r.Id == h.Key.ToString())))
            .ToList();
        var frontends = reports.Where(r => r.Kind == ProcessReports.Frontend).Select(r => new FrontendInfo(r.Id, r.Players, r)).ToList();
        return new Snapshot(clock.GetUtcNow(), zones.Sum(z => z.Players), zones, silos, frontends);
    }
}
