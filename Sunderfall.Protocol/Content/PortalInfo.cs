namespace Sunderfall.Protocol.Content
{
    /// <summary>A portal of a zone: walking into the circle moves the player to <see cref="TargetZone"/>.</summary>
    public sealed class PortalInfo
    {
        /// <summary>The portal's content id.</summary>
        public string Id { get; set; } = "";

        /// <summary>Centre, in units.</summary>
        public float X { get; set; }

        /// <summary>Centre, in units.</summary>
        public float Y { get; set; }

        /// <summary>Radius, in units.</summary>
        public float Radius { get; set; }

        /// <summary>The zone template it leads to.</summary>
        public string TargetZone { get; set; } = "";
    }
}
