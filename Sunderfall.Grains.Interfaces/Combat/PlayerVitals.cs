namespace Sunderfall.Grains.Interfaces.Combat;

/// <summary>
/// A player's own combat state, sent to that player only when it changes: health, resource (mana/energy), whether
/// it is dead (and the tick it respawns at), and the ability being cast (null when none).
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.PlayerVitals")]
public sealed record PlayerVitals(
    [property: Id(0)] int Health,
    [property: Id(1)] int MaxHealth,
    [property: Id(2)] int Resource,
    [property: Id(3)] int MaxResource,
    [property: Id(4)] bool Dead,
    [property: Id(5)] string? Casting);
