using Microsoft.AspNetCore.SignalR;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Protocol;

namespace Sunderfall.Frontend.Game;

/// <summary>
/// This frontend's one zone observer. Each batch a zone sends arrives here once and goes out to the zone's
/// SignalR group, i.e. to this frontend's own connections in that zone.
/// </summary>
public sealed class ZoneUpdateRelay(IHubContext<GameHub> hub, ILogger<ZoneUpdateRelay> logger) : IZoneObserver
{
    public async Task OnZoneUpdateAsync(ZoneUpdateBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            await hub.Clients.Group(ZoneGroups.For(batch.ZoneId)).SendAsync(HubNames.WorldUpdateEvent, WireMapping.ToWire(batch));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not relay update {Sequence} of zone {Zone}", batch.Sequence, batch.ZoneId);
        }
    }
}
