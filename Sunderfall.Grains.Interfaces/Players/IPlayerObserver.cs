using Orleans.Concurrency;

namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>
/// A frontend's receiver for its players' own events that do not come from a zone tick (chat, party, rewards, sheet
/// changes): one per frontend, handing each event to the player's connection.
/// </summary>
public interface IPlayerObserver : IGrainObserver
{
    /// <summary>An event for one of this frontend's players.</summary>
    // One-way: the sender (a player grain) must not wait on a frontend.
    [OneWay]
    Task OnPlayerEventAsync(PlayerEvent playerEvent);
}
