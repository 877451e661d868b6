using Microsoft.AspNetCore.SignalR;
using Sunderfall.Frontend.Connections;
using Sunderfall.Frontend.Game;
using Sunderfall.Grains.Interfaces.Accounts;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.SignIn;

/// <summary>
/// This frontend's one session observer: when an account signs in elsewhere, is kicked or banned, or the sign-in the
/// connection was opened with ends, the connection is told why and closed.
/// </summary>
public sealed class SessionRelay(IHubContext<GameHub> hub, ConnectionDirectory connections, ILogger<SessionRelay> logger) : ISessionObserver
{
    public async Task OnSessionClosedAsync(string connectionId, SessionCloseReason reason, string message)
    {
        try
        {
            var code = reason switch
            {
                SessionCloseReason.Kicked => ErrorCode.Kicked,
                SessionCloseReason.Ended => ErrorCode.SessionEnded,
                _ => ErrorCode.SessionReplaced,
            };
            await hub.Clients.Client(connectionId).SendAsync(HubNames.ErrorEvent, new ServerError { Code = code, Message = message });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Could not tell {Connection} its session was replaced", connectionId);
        }

        connections.Abort(connectionId);
    }
}
