namespace Sunderfall.Protocol.World
{
    /// <summary>
    /// The reply to EnterWorld, and the ZoneChanged event after a portal: the zone the caller is now in. The
    /// entities around the caller arrive in WorldDelta events.
    /// </summary>
    public sealed class ZoneEntered
    {
        /// <summary>The zone instance, "{template}/{channel}", e.g. "ashen-vale/1".</summary>
        public string ZoneId { get; set; } = "";

        /// <summary>The zone template (its content id), e.g. "ashen-vale": the map to draw.</summary>
        public string Template { get; set; } = "";

        /// <summary>Zone width in units; positions run from 0 to Width.</summary>
        public float Width { get; set; }

        /// <summary>Zone height in units; positions run from 0 to Height.</summary>
        public float Height { get; set; }

        /// <summary>The caller's own entity in WorldDelta payloads.</summary>
        public int SelfNetId { get; set; }

        /// <summary>How far the caller sees, in units: entities farther away are not sent.</summary>
        public float ViewRadius { get; set; }

        /// <summary>
        /// The zone's tick in milliseconds (the server's World:TickInterval, 33.3 by default): WorldDelta.Tick times
        /// this is the zone's clock, for interpolating and predicting movement.
        /// </summary>
        public float TickMilliseconds { get; set; }
    }
}
