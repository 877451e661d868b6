using Microsoft.Extensions.Options;
using Sunderfall.Frontend.Connections;
using Sunderfall.Frontend.Game;
using Sunderfall.Frontend.Hosting;
using Sunderfall.Grains.Interfaces.Players;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol;

namespace Sunderfall.Frontend.World;

/// <summary>
/// Keeps this frontend subscribed to every zone instance it has players in. Subscriptions live only in a zone's
/// memory, so they are renewed on a period, at once when the cluster connection comes back, and on demand when a
/// zone does not know one of our players. Players a zone reports missing (they moved on, or a transfer was cut
/// short by a silo loss) are re-entered wherever their saved character now is, so every session converges on the
/// zone of record.
/// </summary>
public sealed class ZoneSubscriptions(
    IClusterClient client,
    ZoneFeed feed,
    PlayerEventRelay playerEvents,
    ConnectionRegistry registry,
    FrontendIdentity identity,
    ClusterConnectionMonitor connection,
    IOptions<FrontendOptions> options,
    ILogger<ZoneSubscriptions> logger) : BackgroundService
{
    private readonly SemaphoreSlim renewNow = new(0, 1);
    private FrontendObservers? references;

    /// <summary>The references to this frontend's observers that zones and player grains call.</summary>
    public FrontendObservers Observers => references ??= new FrontendObservers(
        client.CreateObjectReference<IZoneObserver>(feed), client.CreateObjectReference<IPlayerObserver>(playerEvents));

    /// <summary>Renews one zone's subscription now and re-enters the players it says are not there.</summary>
    public async Task RenewAsync(string zoneId)
    {
        var players = registry.InZone(zoneId).Where(s => !s.InTransit).Select(s => s.PlayerId).ToArray();
        var missing = await client.GetGrain<IZoneGrain>(zoneId).SubscribeAsync(identity.Id, Observers, players);
        foreach (var playerId in missing)
        {
            await ReenterAsync(playerId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        feed.FrontendId = identity.Id;
        connection.Reconnected += SignalRenew;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await renewNow.WaitAsync(options.Value.SubscriptionRenewInterval, stoppingToken);
                if (connection.IsConnected)
                {
                    await RenewAllAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection.Reconnected -= SignalRenew;
        }
    }

    /// <summary>A portal transfer not finished after this long was cut short (a silo died): re-enter the player.</summary>
    public static readonly TimeSpan TransitTimeout = TimeSpan.FromSeconds(5);

    private async Task RenewAllAsync()
    {
        foreach (var stuck in registry.InTransitSince(DateTimeOffset.UtcNow - TransitTimeout))
        {
            try
            {
                await ReenterAsync(stuck.PlayerId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not re-enter player {Player} after an unfinished transfer: {Reason}", stuck.PlayerId, ex.Message);
            }
        }

        foreach (var zoneId in registry.ZoneIds())
        {
            try
            {
                await RenewAsync(zoneId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not renew the subscription to zone {Zone}: {Reason}", zoneId, ex.Message);
            }
        }
    }

    private async Task ReenterAsync(Guid playerId)
    {
        if (registry.FindPlayer(playerId) is not { } session)
        {
            return;
        }

        // Re-entered as the connection's own account: the player grain checks that it still owns the character.
        var result = await client.GetGrain<IPlayerGrain>(playerId).EnterWorldAsAsync(session.AccountId, identity.Id, Observers);
        if (result.Value is { } entry && ReferenceEquals(registry.FindPlayer(playerId), session))
        {
            feed.Track(entry.ZoneId, entry.ViewRadius);
            registry.MoveToZone(session, entry.ZoneId, entry.SelfNetId, entry.ViewRadius);
            session.Send(HubNames.ZoneChangedEvent, WireMapping.ToWire(entry));
            logger.LogInformation("Player {Player} re-entered the world in {Zone}", playerId, entry.ZoneId);
        }
    }

    private void SignalRenew()
    {
        if (renewNow.CurrentCount == 0)
        {
            try
            {
                renewNow.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another signal got there first; one renewal covers both.
            }
        }
    }

    public override void Dispose()
    {
        renewNow.Dispose();
        base.Dispose();
    }
}
