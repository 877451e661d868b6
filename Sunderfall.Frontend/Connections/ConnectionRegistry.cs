using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Sunderfall.Frontend.Game;

namespace Sunderfall.Frontend.Connections;

/// <summary>
/// This frontend's one index of its live hub connections (<see cref="ClientConnection"/>), from connect to disconnect:
/// by connection id, by the character each plays and by the zone instance it is in. Closing a connection from outside
/// the hub (<see cref="Abort"/>) and listing them all with their account and sign-in session (<see cref="Live"/>) go
/// through here too.
/// </summary>
public sealed class ConnectionRegistry(
    IHubContext<GameHub> hub, IOptions<OutboxOptions> options, ConnectionMetrics metrics, ILogger<ClientConnection> connectionLogger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ClientConnection> byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, ClientConnection> byPlayer = [];
    private readonly Dictionary<string, HashSet<ClientConnection>> byZone = new(StringComparer.Ordinal);

    /// <summary>Connections with a character in the world.</summary>
    public int PlayerCount
    {
        get
        {
            lock (gate)
            {
                return byPlayer.Count;
            }
        }
    }

    /// <summary>Live connections, in the world or not.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return byConnection.Count;
            }
        }
    }

    /// <summary>Adds a connection that has just been accepted (its sign-in session checked).</summary>
    public ClientConnection Connect(HubCallerContext context, Guid accountId, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var proxy = hub.Clients.Client(context.ConnectionId);
        var connection = new ClientConnection(
            context.ConnectionId, accountId, sessionId, (method, message) => proxy.SendAsync(method, message), context.Abort, options.Value, metrics, connectionLogger);
        lock (gate)
        {
            if (byConnection.Remove(context.ConnectionId, out var stale))
            {
                RemoveLocked(stale);
                stale.Close();
            }

            byConnection[context.ConnectionId] = connection;
        }

        return connection;
    }

    /// <summary>Removes a connection that has closed and returns it; nothing more is sent to it.</summary>
    public ClientConnection? Disconnect(string connectionId)
    {
        ClientConnection? connection;
        lock (gate)
        {
            if (!byConnection.Remove(connectionId, out connection))
            {
                return null;
            }

            RemoveLocked(connection);
        }

        connection.Close();
        return connection;
    }

    /// <summary>A live connection, in the world or not.</summary>
    public ClientConnection? Find(string connectionId)
    {
        lock (gate)
        {
            return byConnection.GetValueOrDefault(connectionId);
        }
    }

    /// <summary>A live connection that plays a character now.</summary>
    public ClientConnection? FindInWorld(string connectionId)
    {
        lock (gate)
        {
            return byConnection.GetValueOrDefault(connectionId) is { InWorld: true } connection ? connection : null;
        }
    }

    /// <summary>The connection playing a character now.</summary>
    public ClientConnection? FindPlayer(Guid playerId)
    {
        lock (gate)
        {
            return byPlayer.GetValueOrDefault(playerId);
        }
    }

    /// <summary>Every live connection (a copy), with its account and sign-in session.</summary>
    public ClientConnection[] Live()
    {
        lock (gate)
        {
            return [.. byConnection.Values];
        }
    }

    /// <summary>Closes a connection, if it is still here (a session ended elsewhere, a kick, a ban).</summary>
    public bool Abort(string connectionId)
    {
        if (Find(connectionId) is not { } connection)
        {
            return false;
        }

        connection.Abort();
        return true;
    }

    /// <summary>
    /// Binds a connection to a character in a zone; returns the connection it displaced (another connection that
    /// played the same character, now out of the world).
    /// </summary>
    public ClientConnection? Bind(ClientConnection connection, Guid playerId, string zoneId, int selfNetId, float viewRadius)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (gate)
        {
            if (!byConnection.TryGetValue(connection.ConnectionId, out var live) || !ReferenceEquals(live, connection))
            {
                // Closed while the world was being entered.
                return null;
            }

            ClientConnection? displaced = null;
            if (byPlayer.TryGetValue(playerId, out var previous) && !ReferenceEquals(previous, connection))
            {
                RemoveLocked(previous);
                previous.Unbind();
                displaced = previous;
            }

            RemoveLocked(connection);
            connection.Bind(playerId, zoneId, selfNetId, viewRadius);
            byPlayer[playerId] = connection;
            ZoneSet(zoneId).Add(connection);
            return displaced;
        }
    }

    /// <summary>Takes a connection's character out of the world; false when it had none.</summary>
    public bool Unbind(ClientConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (gate)
        {
            if (!connection.InWorld)
            {
                return false;
            }

            RemoveLocked(connection);
            connection.Unbind();
            return true;
        }
    }

    /// <summary>Moves a connection's character to another zone instance (after a portal); its next delta starts over.</summary>
    public void MoveToZone(ClientConnection connection, string zoneId, int selfNetId, float viewRadius)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (gate)
        {
            if (!connection.InWorld)
            {
                return;
            }

            LeaveZoneLocked(connection);
            connection.MoveToZone(zoneId, selfNetId, viewRadius);
            ZoneSet(zoneId).Add(connection);
        }
    }

    /// <summary>The connections in one zone instance (a copy).</summary>
    public ClientConnection[] InZone(string zoneId)
    {
        lock (gate)
        {
            return byZone.TryGetValue(zoneId, out var set) ? [.. set] : [];
        }
    }

    /// <summary>Connections that began a portal transit before <paramref name="cutoff"/> and have not arrived.</summary>
    public ClientConnection[] InTransitSince(DateTimeOffset cutoff)
    {
        lock (gate)
        {
            return [.. byPlayer.Values.Where(c => c.TransitStarted is { } started && started < cutoff)];
        }
    }

    /// <summary>The zone instances this frontend has players in.</summary>
    public string[] ZoneIds()
    {
        lock (gate)
        {
            return [.. byZone.Keys];
        }
    }

    private HashSet<ClientConnection> ZoneSet(string zoneId)
    {
        if (!byZone.TryGetValue(zoneId, out var set))
        {
            set = [];
            byZone.Add(zoneId, set);
        }

        return set;
    }

    private void RemoveLocked(ClientConnection connection)
    {
        if (!connection.InWorld)
        {
            return;
        }

        if (byPlayer.TryGetValue(connection.PlayerId, out var current) && ReferenceEquals(current, connection))
        {
            byPlayer.Remove(connection.PlayerId);
        }

        LeaveZoneLocked(connection);
    }

    private void LeaveZoneLocked(ClientConnection connection)
    {
        if (byZone.TryGetValue(connection.ZoneId, out var set))
        {
            set.Remove(connection);
            if (set.Count == 0)
            {
                byZone.Remove(connection.ZoneId);
            }
        }
    }
}
