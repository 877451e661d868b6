using Sunderfall.Grains.Combat;
using Sunderfall.Grains.Interfaces.Combat;
using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Players;

namespace Sunderfall.Grains.Zones.Simulation;

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

    /// <summary>Class, level, stats and abilities, from the player grain.</summary>
    public CombatProfile Profile { get; set; } = ZoneCombat.DefaultProfile;

    /// <summary>Mana or energy; fractional so that regeneration per tick adds up.</summary>
    public float Resource { get; set; }

    /// <summary>Ability id to the tick it is ready again.</summary>
    public Dictionary<string, long> Cooldowns { get; } = new(StringComparer.Ordinal);

    /// <summary>Accepted ability uses waiting for the next tick (or a cast completing).</summary>
    public PendingAbility? Pending { get; set; }

    public bool Dead { get; set; }

    public long RespawnTick { get; set; }

    /// <summary>The last tick this player did or took anything hostile (regeneration waits for a quiet spell).</summary>
    public long LastCombatTick { get; set; } = long.MinValue / 2;

    /// <summary>Health regained but not yet whole.</summary>
    public float RegenCarry { get; set; }

    /// <summary>
    /// Set when the player left while in combat: the tick its body, still in the world and hittable, is taken out.
    /// </summary>
    public long? LeaveTick { get; set; }

    /// <summary>The vitals last sent to the player, and when.</summary>
    public PlayerVitals? SentVitals { get; set; }

    public long SentVitalsTick { get; set; }
}
