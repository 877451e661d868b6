namespace Sunderfall.Protocol.World
{
    /// <summary>The reply to EnterWorld: the zone and everyone in it, the caller included.</summary>
    public sealed class ZoneEntered
    {
        /// <summary>The zone id.</summary>
        public string ZoneId { get; set; } = "";

        /// <summary>Zone width in units; positions run from 0 to Width.</summary>
        public float Width { get; set; }

        /// <summary>Zone height in units; positions run from 0 to Height.</summary>
        public float Height { get; set; }

        /// <summary>The caller's own entity id.</summary>
        public string SelfId { get; set; } = "";

        /// <summary>Every entity in the zone when the caller entered.</summary>
        public EntityInfo[] Entities { get; set; } = System.Array.Empty<EntityInfo>();
    }
}
