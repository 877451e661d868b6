namespace Sunderfall.Frontend.Connections;

/// <summary>This frontend's roster: which connection plays which character in which zone instance.</summary>
public sealed class ConnectionRegistry
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ClientSession> byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, ClientSession> byPlayer = [];
    private readonly Dictionary<string, HashSet<ClientSession>> byZone = new(StringComparer.Ordinal);

    /// <summary>Connections with a character in the world.</summary>
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

    public ClientSession? Find(string connectionId)
    {
        lock (gate)
        {
            return byConnection.GetValueOrDefault(connectionId);
        }
    }

    public ClientSession? FindPlayer(Guid playerId)
    {
        lock (gate)
        {
            return byPlayer.GetValueOrDefault(playerId);
        }
    }

    /// <summary>Binds a connection to a character in a zone; returns the session it displaced (another connection).</summary>
    public ClientSession? Bind(string connectionId, Guid playerId, string zoneId, int selfNetId, float viewRadius)
    {
        lock (gate)
        {
            ClientSession? displaced = null;
            if (byPlayer.TryGetValue(playerId, out var previous) && previous.ConnectionId != connectionId)
            {
                RemoveLocked(previous);
                displaced = previous;
            }

            if (byConnection.TryGetValue(connectionId, out var existing))
            {
                RemoveLocked(existing);
            }

            var session = new ClientSession(connectionId, playerId, zoneId, selfNetId, viewRadius);
            byConnection[connectionId] = session;
            byPlayer[playerId] = session;
            ZoneSet(zoneId).Add(session);
            return displaced;
        }
    }

    /// <summary>Moves a session to another zone instance (after a portal); its encoder starts over.</summary>
    public void MoveToZone(ClientSession session, string zoneId, int selfNetId, float viewRadius)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (gate)
        {
            if (byZone.TryGetValue(session.ZoneId, out var old))
            {
                old.Remove(session);
            }

            session.ZoneId = zoneId;
            session.SelfNetId = selfNetId;
            session.ViewRadius = viewRadius;
            session.InTransit = false;
            lock (session.SendGate)
            {
                session.Encoder.Reset();
            }

            ZoneSet(zoneId).Add(session);
        }
    }

    /// <summary>Removes a connection's session and returns it.</summary>
    public ClientSession? Unbind(string connectionId)
    {
        lock (gate)
        {
            if (!byConnection.TryGetValue(connectionId, out var session))
            {
                return null;
            }

            RemoveLocked(session);
            return session;
        }
    }

    /// <summary>The sessions in one zone instance (a copy).</summary>
    public ClientSession[] SessionsIn(string zoneId)
    {
        lock (gate)
        {
            return byZone.TryGetValue(zoneId, out var set) ? [.. set] : [];
        }
    }

    /// <summary>Sessions that began a portal transit before <paramref name="cutoff"/> and have not arrived.</summary>
    public ClientSession[] SessionsInTransitSince(DateTimeOffset cutoff)
    {
        lock (gate)
        {
            return [.. byConnection.Values.Where(s => s.TransitStarted is { } started && started < cutoff)];
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

    private HashSet<ClientSession> ZoneSet(string zoneId)
    {
        if (!byZone.TryGetValue(zoneId, out var set))
        {
            set = [];
            byZone.Add(zoneId, set);
        }

        return set;
    }

    private void RemoveLocked(ClientSession session)
    {
        byConnection.Remove(session.ConnectionId);
        if (byPlayer.TryGetValue(session.PlayerId, out var current) && ReferenceEquals(current, session))
        {
            byPlayer.Remove(session.PlayerId);
        }

        if (byZone.TryGetValue(session.ZoneId, out var set))
        {
            set.Remove(session);
            if (set.Count == 0)
            {
                byZone.Remove(session.ZoneId);
            }
        }
    }
}
