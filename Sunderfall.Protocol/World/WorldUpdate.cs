namespace Sunderfall.Protocol.World
{
    /// <summary>Pushed to every client in a zone once per zone tick in which something changed.</summary>
    public sealed class WorldUpdate
    {
        /// <summary>The zone id.</summary>
        public string ZoneId { get; set; } = "";

        /// <summary>Increases by one per update the zone sends; a gap means an update was missed.</summary>
        public long Sequence { get; set; }

        /// <summary>Entities that appeared or moved since the previous update.</summary>
        public EntityInfo[] Changed { get; set; } = System.Array.Empty<EntityInfo>();

        /// <summary>Ids of entities that left the zone since the previous update.</summary>
        public string[] Removed { get; set; } = System.Array.Empty<string>();
    }
}
