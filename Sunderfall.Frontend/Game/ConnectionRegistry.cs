namespace Sunderfall.Frontend.Game;

/// <summary>This frontend's roster: which connection plays which character in which zone.</summary>
public sealed class ConnectionRegistry
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, PlayerSession> byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> connectionByPlayer = [];

    /// <summary>The session of a connection, or null if it has no character in the world.</summary>
    public PlayerSession? Find(string connectionId)
    {
        lock (gate)
        {
            return byConnection.GetValueOrDefault(connectionId);
        }
    }

    /// <summary>Binds a connection to a character; returns the connection that played it before, if any.</summary>
    public string? Bind(string connectionId, Guid playerId, string zoneId)
    {
        lock (gate)
        {
            string? displaced = null;
            if (connectionByPlayer.TryGetValue(playerId, out var previous) && previous != connectionId)
            {
                byConnection.Remove(previous);
                displaced = previous;
            }

            byConnection[connectionId] = new PlayerSession(connectionId, playerId, zoneId);
            connectionByPlayer[playerId] = connectionId;
            return displaced;
        }
    }

    /// <summary>Removes a connection's session and returns it.</summary>
    public PlayerSession? Unbind(string connectionId)
    {
        lock (gate)
        {
            if (!byConnection.Remove(connectionId, out var session))
            {
                return null;
            }

            if (connectionByPlayer.TryGetValue(session.PlayerId, out var current) && current == connectionId)
            {
                connectionByPlayer.Remove(session.PlayerId);
            }

            return session;
        }
    }

    /// <summary>The players served here, grouped by zone.</summary>
    public IReadOnlyDictionary<string, Guid[]> PlayersByZone()
    {
        lock (gate)
        {
            return byConnection.Values
                .GroupBy(s => s.ZoneId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(s => s.PlayerId).ToArray(), StringComparer.Ordinal);
        }
    }

    /// <summary>The players served here in one zone.</summary>
    public Guid[] PlayersIn(string zoneId)
    {
        lock (gate)
        {
            return byConnection.Values.Where(s => s.ZoneId == zoneId).Select(s => s.PlayerId).ToArray();
        }
    }
}
