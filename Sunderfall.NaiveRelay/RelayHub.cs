using Microsoft.AspNetCore.SignalR;

namespace Sunderfall.NaiveRelay;

/// <summary>
/// The naive way to build a multiplayer relay, written as a competent team would by hand: a client joins a zone's
/// SignalR group and every movement it sends is broadcast to every connection of that group, the sender included (so
/// it can time its own echo). Clients send their positions; nothing is simulated, checked, batched or filtered by
/// distance, and nothing is stored.
/// </summary>
internal sealed class RelayHub : Hub
{
    /// <summary>Where the hub is mapped.</summary>
    public const string Path = "/hubs/relay";

    /// <summary>The event every member of the zone receives for each movement.</summary>
    public const string MovedEvent = "Moved";

    private static readonly object PlayerKey = new();
    private static int nextId;

    /// <summary>Joins the zone's group; returns the id the relay gives this connection's movements.</summary>
    public async Task<int> Join(string zone)
    {
        if (string.IsNullOrWhiteSpace(zone) || zone.Length > 64)
        {
            throw new HubException("zone must be 1-64 characters");
        }

        if (Context.Items.TryGetValue(PlayerKey, out var existing) && existing is RelayPlayer joined)
        {
            return joined.Id;
        }

        var player = new RelayPlayer(Interlocked.Increment(ref nextId), zone);
        await Groups.AddToGroupAsync(Context.ConnectionId, zone, Context.ConnectionAborted);
        Context.Items[PlayerKey] = player;
        return player.Id;
    }

    /// <summary>Broadcasts the sender's new position to its zone (fire-and-forget from the client).</summary>
    public Task Move(long sequence, float x, float y)
    {
        if (!Context.Items.TryGetValue(PlayerKey, out var value) || value is not RelayPlayer player || !float.IsFinite(x) || !float.IsFinite(y))
        {
            return Task.CompletedTask;
        }

        return Clients.Group(player.Zone).SendAsync(MovedEvent, player.Id, sequence, x, y);
    }
}
