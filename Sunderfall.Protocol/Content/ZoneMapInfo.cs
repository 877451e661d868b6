namespace Sunderfall.Protocol.Content
{
    /// <summary>
    /// GET /api/content/zones/{template}: what a client needs to draw a zone - its tiles and portals. The
    /// simulation's walls are the same '#' tiles, so a client can also predict its own collisions.
    /// </summary>
    public sealed class ZoneMapInfo
    {
        /// <summary>The zone template's content id (ZoneEntered.Template), e.g. "ashen-vale".</summary>
        public string Id { get; set; } = "";

        /// <summary>The zone's display name.</summary>
        public string Name { get; set; } = "";

        /// <summary>Units per tile side.</summary>
        public float TileSize { get; set; }

        /// <summary>Rows of tiles, all of one length: '.' floor, '#' wall; row 0 is y = 0.</summary>
        public string[] Tiles { get; set; } = System.Array.Empty<string>();

        /// <summary>Width in units.</summary>
        public float Width { get; set; }

        /// <summary>Height in units.</summary>
        public float Height { get; set; }

        /// <summary>The zone's portals.</summary>
        public PortalInfo[] Portals { get; set; } = System.Array.Empty<PortalInfo>();
    }
}
