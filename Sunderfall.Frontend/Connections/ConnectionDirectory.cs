using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Sunderfall.Frontend.Connections;

/// <summary>The live hub connections of this frontend, so one can be closed from outside the hub.</summary>
public sealed class ConnectionDirectory
{
    private readonly ConcurrentDictionary<string, HubCallerContext> contexts = new(StringComparer.Ordinal);

    public void Add(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        contexts[context.ConnectionId] = context;
    }

    public void Remove(string connectionId) => contexts.TryRemove(connectionId, out _);

    /// <summary>The live connections and their users, as they are while enumerated (safe alongside adds and removes).</summary>
    public IEnumerable<(string ConnectionId, ClaimsPrincipal? User)> Live() => contexts.Select(c => (c.Key, c.Value.User));

    /// <summary>Closes the connection, if it is still here.</summary>
    public void Abort(string connectionId)
    {
        if (contexts.TryRemove(connectionId, out var context))
        {
            context.Abort();
        }
    }
}
