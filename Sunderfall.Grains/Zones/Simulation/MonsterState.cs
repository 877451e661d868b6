namespace Sunderfall.Grains.Zones.Simulation;

/// <summary>What a monster's <see cref="MonsterBrain"/> is doing.</summary>
public enum MonsterState
{
    /// <summary>Standing near home, waiting a random pause before wandering.</summary>
    Idle,

    /// <summary>Walking at half speed to a random point near home.</summary>
    Wander,

    /// <summary>Running at full speed after a player.</summary>
    Chase,

    /// <summary>Gave up a chase (leash or lost target): walking home at full speed, ignoring players.</summary>
    Return,

    /// <summary>Killed; waiting out the spawn point's respawn time.</summary>
    Dead,
}
