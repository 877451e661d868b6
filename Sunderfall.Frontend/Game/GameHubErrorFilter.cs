using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Sunderfall.Protocol;
using Sunderfall.Protocol.Errors;
using ErrorCode = Sunderfall.Protocol.Errors.ErrorCode;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// Every hub call passes through here. A failure the client did not cause (cluster unreachable, a bug) becomes a
/// typed error - the reply's error for request/response methods, an Error event for fire-and-forget ones - and
/// never an exception text. Each call's outcome is counted (<see cref="FrontendMetrics.HubCallEnded"/>) for the hub error
/// rate alert.
/// </summary>
public sealed class GameHubErrorFilter(FrontendMetrics metrics, ILogger<GameHubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            var result = await next(invocationContext);
            metrics.HubCallEnded("completed");
            return result;
        }
        catch (Exception ex) when (ex is not HubException and not OperationCanceledException)
        {
            var (code, message) = IsClusterFailure(ex)
                ? (ErrorCode.Unavailable, "the game cluster could not be reached; try again in a few seconds")
                : (ErrorCode.Internal, "the server could not complete this call");
            metrics.HubCallEnded(code == ErrorCode.Unavailable ? "unavailable" : "internal");
            logger.LogWarning(ex, "Hub method {Method} failed for connection {Connection}", invocationContext.HubMethodName, invocationContext.Context.ConnectionId);

            return await RefuseAsync(invocationContext, code, message);
        }
    }

    /// <summary>
    /// Answers a refused call: as the reply's error for request/response methods, as an Error event for
    /// fire-and-forget ones.
    /// </summary>
    public static async ValueTask<object?> RefuseAsync(HubInvocationContext invocationContext, ErrorCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        var resultType = ResultType(invocationContext.HubMethod);
        if (resultType is not null)
        {
            return resultType.GetMethod(nameof(CallResult<object>.Failure), BindingFlags.Public | BindingFlags.Static)!
                .Invoke(null, [code, message]);
        }

        await invocationContext.Hub.Clients.Caller.SendAsync(HubNames.ErrorEvent, new ServerError { Code = code, Message = message });
        return null;
    }

    internal static bool IsClusterFailure(Exception ex) =>
        ex is OrleansException or TimeoutException or SiloUnavailableException or ObjectDisposedException;

    /// <summary>CallResult&lt;T&gt; when the method returns Task&lt;CallResult&lt;T&gt;&gt;, else null.</summary>
    private static Type? ResultType(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            type = type.GetGenericArguments()[0];
        }

        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CallResult<>) ? type : null;
    }
}
