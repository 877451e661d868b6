using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones;

/// <summary>A player inside a <see cref="ZoneSimulation"/>.</summary>
internal sealed class SimPlayer(Guid playerId, int netId, string name, WorldPosition position)
{
    public Guid PlayerId { get; } = playerId;

    public int NetId { get; } = netId;

    public string Name { get; } = name;

    public WorldPosition Position { get; set; } = position;

    public float DirX { get; set; }

    public float DirY { get; set; }

    /// <summary>Newest input received (applied at the next tick).</summary>
    public long ReceivedSequence { get; set; } = -1;

    /// <summary>Newest input applied by a tick; sent back to the client so it can reconcile its prediction.</summary>
    public long AppliedSequence { get; set; } = -1;

    /// <summary>Input sequence of the last clip correction, so one held input against a wall is corrected once.</summary>
    public long CorrectedSequence { get; set; } = -1;

    public int Health { get; set; } = 100;

    public int MaxHealth { get; set; } = 100;
}
