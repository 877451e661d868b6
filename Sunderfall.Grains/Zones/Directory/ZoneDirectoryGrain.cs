using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sunderfall.Content;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.World;

namespace Sunderfall.Grains.Zones.Directory;

/// <summary>
/// The channels of one zone template. Populations come from the instances' own reports; an assignment counts as a
/// player at once so a burst of arrivals does not overfill a channel before the next report. Memory only: after a
/// restart the instances' next reports rebuild it.
/// </summary>
public sealed class ZoneDirectoryGrain(ContentCatalog content, IOptions<WorldOptions> world, ILogger<ZoneDirectoryGrain> logger)
    : Grain, IZoneDirectoryGrain
{
    private readonly SortedDictionary<int, int> populations = [];

    private string Template => this.GetPrimaryKeyString();

    public Task<string> AssignAsync(Guid playerId, string? preferredInstance)
    {
        var cap = content.Zones.TryGetValue(Template, out var zone) ? zone.PopulationCap : int.MaxValue;
        var choice = ChannelPolicy.Choose(populations, cap, world.Value.MaxChannelsPerZone, ChannelOf(preferredInstance));
        if (choice.Overloaded)
        {
            logger.LogWarning(
                "Zone {Template}: all {Channels} channels are at the cap of {Cap}; player {Player} joins channel {Channel} over the cap",
                Template, populations.Count, cap, playerId, choice.Channel);
        }

        populations[choice.Channel] = populations.GetValueOrDefault(choice.Channel) + 1;
        return Task.FromResult(ZoneInstances.Key(Template, choice.Channel));
    }

    public Task ReportPopulationAsync(string instance, int players)
    {
        if (ChannelOf(instance) is { } channel)
        {
            populations[channel] = Math.Max(0, players);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, int>> GetChannelsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(populations.ToDictionary(p => ZoneInstances.Key(Template, p.Key), p => p.Value));

    private int? ChannelOf(string? instance)
    {
        if (instance is null || !string.Equals(ZoneInstances.Template(instance), Template, StringComparison.Ordinal))
        {
            return null;
        }

        var slash = instance.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && int.TryParse(instance.AsSpan(slash + 1), out var channel) && channel >= 1 ? channel : null;
    }
}
