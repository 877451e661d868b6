using Sunderfall.Content.Definitions;
using Sunderfall.Grains.Interfaces.Common;

namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>A monster inside a <see cref="ZoneSimulation"/>.</summary>
internal sealed class SimMonster(int netId, MonsterDefinition definition, SpawnPointDefinition spawnPoint, MonsterBrain brain, WorldPosition position)
{
    public int NetId { get; } = netId;

    public MonsterDefinition Definition { get; } = definition;

    public SpawnPointDefinition SpawnPoint { get; } = spawnPoint;

    public MonsterBrain Brain { get; } = brain;

    public WorldPosition Position { get; set; } = position;

    public int Health { get; set; } = definition.MaxHealth;

    public bool Visible { get; set; } = true;

    /// <summary>The encounter the monster is fighting in, or null.</summary>
    public Combat.CombatEncounter? Encounter { get; set; }

    /// <summary>Ability id to the tick it is ready again.</summary>
    public Dictionary<string, long> Cooldowns { get; } = new(StringComparer.Ordinal);

    /// <summary>The tick the monster last chased or attacked within its encounter (a long quiet spell ends its part).</summary>
    public long LastEngagedTick { get; set; }
}
