using Microsoft.Extensions.Options;
using Sunderfall.Frontend.Hosting;
using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// Keeps this frontend subscribed to every zone it has players in. Subscriptions live only in a zone's memory, so
/// they are renewed on a period, at once when the cluster connection comes back, and on demand when a zone turns
/// out not to know a player (it re-activated after a silo was lost).
/// </summary>
public sealed class ZoneSubscriptions(
    IClusterClient client,
    ZoneUpdateRelay relay,
    ConnectionRegistry registry,
    FrontendIdentity identity,
    ClusterConnectionMonitor connection,
    IOptions<FrontendOptions> options,
    ILogger<ZoneSubscriptions> logger) : BackgroundService
{
    private readonly SemaphoreSlim renewNow = new(0, 1);
    private IZoneObserver? reference;

    /// <summary>The reference to this frontend's observer that zones call.</summary>
    public IZoneObserver Observer => reference ??= client.CreateObjectReference<IZoneObserver>(relay);

    /// <summary>Renews one zone's subscription now, with the players this frontend serves there.</summary>
    public Task RenewAsync(string zoneId) =>
        client.GetGrain<IZoneGrain>(zoneId).SubscribeAsync(identity.Id, Observer, registry.PlayersIn(zoneId));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

    private async Task RenewAllAsync()
    {
        foreach (var (zoneId, players) in registry.PlayersByZone())
        {
            try
            {
                await client.GetGrain<IZoneGrain>(zoneId).SubscribeAsync(identity.Id, Observer, players);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not renew the subscription to zone {Zone}: {Reason}", zoneId, ex.Message);
            }
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
