namespace Sunderfall.Protocol.Sync
{
    /// <summary>
    /// Pushed to a client once per zone tick: what changed in its area of interest since the previous WorldDelta it
    /// was sent. Apply <see cref="Payload"/> to the client's <see cref="WorldView"/> in the order the messages arrive.
    /// </summary>
    public sealed class WorldDelta
    {
        /// <summary>The zone id.</summary>
        public string ZoneId { get; set; } = "";

        /// <summary>The zone tick this delta brings the client up to.</summary>
        public long Tick { get; set; }

        /// <summary>The sequence number of this client's last input that the server has applied.</summary>
        public long AckInput { get; set; }

        /// <summary>The net id of the client's own entity in this zone.</summary>
        public int SelfNetId { get; set; }

        /// <summary>The encoded spawns, despawns and updates, written by <see cref="DeltaEncoder"/>.</summary>
        public byte[] Payload { get; set; } = System.Array.Empty<byte>();
    }
}
