using Sunderfall.Frontend.Connections;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// This frontend's one receiver of its players' own events (chat, party, rewards, sheet changes): each goes to the
/// player's connection as the wire event it maps to, through that connection's bounded outbox.
/// </summary>
public sealed class PlayerEventRelay(ConnectionRegistry registry) : IPlayerObserver
{
    public Task OnPlayerEventAsync(PlayerEvent playerEvent)
    {
        ArgumentNullException.ThrowIfNull(playerEvent);
        if (registry.FindPlayer(playerEvent.PlayerId) is { } connection && SocialWireMapping.ToWireEvent(playerEvent) is { } wire)
        {
            connection.Send(wire.Event, wire.Message);
        }

        return Task.CompletedTask;
    }
}
