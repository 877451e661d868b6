using Sunderfall.Grains.Interfaces.Zones;

namespace Sunderfall.Grains.Zones;

/// <summary>A frontend subscribed to a zone: its observer and when it last renewed.</summary>
internal sealed class FrontendLease(IZoneObserver observer, DateTimeOffset renewedAt)
{
    public IZoneObserver Observer { get; set; } = observer;

    public DateTimeOffset RenewedAt { get; set; } = renewedAt;
}
