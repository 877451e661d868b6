using Microsoft.AspNetCore.SignalR;
using Sunderfall.Frontend.Game;
using Sunderfall.Grains.Interfaces.Accounts;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Security;

/// <summary>
/// This frontend's one session observer: when an account signs in elsewhere, the old connection is told why and
/// closed.
/// </summary>
public sealed class SessionRelay(IHubContext<GameHub> hub, ConnectionDirectory connections, ILogger<SessionRelay> logger) : ISessionObserver
{
    public async Task OnSessionClosedAsync(string connectionId, SessionCloseReason reason, string message)
    {
        try
        {
            var code = reason == SessionCloseReason.Kicked ? ErrorCode.Kicked : ErrorCode.SessionReplaced;
            await hub.Clients.Client(connectionId).SendAsync(HubNames.ErrorEvent, new ServerError { Code = code, Message = message });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Could not tell {Connection} its session was replaced", connectionId);
        }

        connections.Abort(connectionId);
    }
}
