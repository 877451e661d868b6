namespace Sunderfall.Protocol.World
{
    /// <summary>One entity's visible state in a zone.</summary>
    public sealed class EntityInfo
    {
        /// <summary>The entity id (a character id for players).</summary>
        public string Id { get; set; } = "";

        /// <summary>The display name.</summary>
        public string Name { get; set; } = "";

        /// <summary>Position in zone units.</summary>
        public float X { get; set; }

        /// <summary>Position in zone units.</summary>
        public float Y { get; set; }
    }
}
