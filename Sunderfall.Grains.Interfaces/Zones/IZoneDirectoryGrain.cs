using Orleans.Concurrency;

namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>
/// The channels of one zone template (keyed by template id). Assigns arriving players to an instance with room,
/// opening another channel when every open one is at the template's population cap.
/// </summary>
public interface IZoneDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The instance a player should enter: its previous one if that still has room, else the fullest with room.</summary>
    Task<string> AssignAsync(Guid playerId, string? preferredInstance);

    /// <summary>An instance reporting how many players it holds.</summary>
    // One-way: zones report on every change and must not wait on the directory.
    [OneWay]
    Task ReportPopulationAsync(string instance, int players);

    /// <summary>Open channels and their populations.</summary>
    Task<IReadOnlyDictionary<string, int>> GetChannelsAsync();
}
