using Sunderfall.Frontend.Connections;
using Sunderfall.Grains.Interfaces.Accounts;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.SignIn;

/// <summary>
/// This frontend's one session observer: when an account signs in elsewhere, is kicked or banned, or the sign-in the
/// connection was opened with ends, the connection is told why and closed.
/// </summary>
public sealed class SessionRelay(ConnectionRegistry connections) : ISessionObserver
{
    public Task OnSessionClosedAsync(string connectionId, SessionCloseReason reason, string message)
    {
        if (connections.Find(connectionId) is not { } connection)
        {
            return Task.CompletedTask;
        }

        var code = reason switch
        {
            SessionCloseReason.Kicked => ErrorCode.Kicked,
            SessionCloseReason.Ended => ErrorCode.SessionEnded,
            _ => ErrorCode.SessionReplaced,
        };

        // Through the connection's outbox (never waiting here on a client that does not read); the close is delayed
        // until it is written, or until the stall bound.
        connection.SendThenClose(HubNames.ErrorEvent, new ServerError { Code = code, Message = message });
        return Task.CompletedTask;
    }
}
