namespace Sunderfall.Grains.Interfaces.Combat;

/// <summary>What happened in a <see cref="CombatEvent"/>.</summary>
public enum CombatEventKind : byte
{
    /// <summary>The source started casting the ability (it lands after its cast time unless the source dies).</summary>
    CastStarted = 1,
    /// <summary>The source used the ability (instant, or a cast completed); the cooldown starts now.</summary>
    AbilityUsed = 2,
    /// <summary>The target lost <see cref="CombatEvent.Amount"/> health.</summary>
    Damage = 3,
    /// <summary>The target regained <see cref="CombatEvent.Amount"/> health.</summary>
    Heal = 4,
    /// <summary>The target died (the source dealt the killing blow).</summary>
    Died = 5,
    /// <summary>The target came back to life at full health.</summary>
    Respawned = 6,
}
