using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones;

/// <summary>A player's live presence in a zone (memory only: the player grain holds the durable copy).</summary>
internal sealed class ZoneMember(Guid id, string name, WorldPosition position, string frontendId, long worldSession, long lastMoveTimestamp)
{
    public Guid Id { get; } = id;

    public string Name { get; } = name;

    public WorldPosition Position { get; set; } = position;

    public WorldPosition CheckpointedPosition { get; set; } = position;

    public string FrontendId { get; set; } = frontendId;

    public long WorldSession { get; set; } = worldSession;

    public long LastMoveTimestamp { get; set; } = lastMoveTimestamp;
}
