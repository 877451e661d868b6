using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Zones;

/// <summary>Who serves a player in a zone and which stay it is on (its position lives in the simulation).</summary>
internal sealed class ZoneMember(string frontendId, long worldSession, WorldPosition checkpointed)
{
    public string FrontendId { get; set; } = frontendId;

    public long WorldSession { get; set; } = worldSession;

    public WorldPosition CheckpointedPosition { get; set; } = checkpointed;

    /// <summary>The combat state last saved (null: nothing saved from this zone yet).</summary>
    public CharacterVitals? CheckpointedVitals { get; set; }

    /// <summary>The player left in combat and its body stays for the logout delay; nobody is served for it.</summary>
    public bool Lingering { get; set; }
}
