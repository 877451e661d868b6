using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones;

/// <summary>Who serves a player in a zone and which stay it is on (its position lives in the simulation).</summary>
internal sealed class ZoneMember(string frontendId, long worldSession, WorldPosition checkpointed)
{
    public string FrontendId { get; set; } = frontendId;

    public long WorldSession { get; set; } = worldSession;

    public WorldPosition CheckpointedPosition { get; set; } = checkpointed;
}
