namespace Sunderfall.Frontend.Game;

/// <summary>SignalR group names: one group per zone holds this frontend's connections in that zone.</summary>
public static class ZoneGroups
{
    /// <summary>The group of a zone.</summary>
    public static string For(string zoneId) => "zone:" + zoneId;
}
