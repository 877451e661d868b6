using System.Collections.Generic;

namespace Sunderfall.Protocol.Combat
{
    /// <summary>The combat events of one zone tick that involve an entity in the client's view.</summary>
    public sealed class CombatEvents
    {
        public long Tick { get; set; }

        public List<CombatEventInfo> Events { get; set; } = new List<CombatEventInfo>();
    }
}
