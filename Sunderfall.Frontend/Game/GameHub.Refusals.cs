using Microsoft.AspNetCore.SignalR;
using Sunderfall.Frontend.Edge;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Game;

/// <summary>Calls SignalR could not bind, passed on by <see cref="InvocationGuardProtocol"/>: refused, counted, never run.</summary>
public sealed partial class GameHub
{
    /// <summary>
    /// Refuses a call of a method the hub does not have (a "Teleport") or with arguments that do not fit (Move with a
    /// position), as the reply's error when the client awaits one and as an Error event otherwise, and counts it toward
    /// an invalid_invocation flag.
    /// </summary>
    [HubMethodName(InvocationGuardProtocol.RefusalMethod)]
    public async Task<CallResult<object>?> RefuseInvocation(string method, bool expectsReply)
    {
        abuse.Refused(Context, HubAbuseMonitor.InvalidInvocationRule);
        var message = HubMethodSignatures.Refusal(method);
        if (expectsReply)
        {
            return CallResult<object>.Failure(ErrorCode.InvalidArgument, message);
        }

        await Clients.Caller.SendAsync(HubNames.ErrorEvent, new ServerError { Code = ErrorCode.InvalidArgument, Message = message });
        return null;
    }
}
