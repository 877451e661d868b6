namespace Sunderfall.Grains.Interfaces.Players;

/// <summary>
/// A character's combat state as its zone last saved it: health, resource, whether it is dead (and how long until it
/// comes back), and the seconds left on each ability's cooldown. Saved with the position, so leaving, a portal or a
/// lost silo neither heals nor refills anyone; null for a character that never entered a zone (it starts full).
/// </summary>
[GenerateSerializer, Immutable, Alias("sf.CharacterVitals")]
public sealed record CharacterVitals(
    [property: Id(0)] int Health,
    [property: Id(1)] float Resource,
    [property: Id(2)] bool Dead,
    [property: Id(3)] float RespawnSeconds,
    [property: Id(4)] IReadOnlyDictionary<string, float> Cooldowns)
{
    /// <summary>Equal when every field is, the cooldowns compared by content.</summary>
    public bool Equals(CharacterVitals? other) => other is not null && Health == other.Health && Resource.Equals(other.Resource)
        && Dead == other.Dead && RespawnSeconds.Equals(other.RespawnSeconds) && Cooldowns.Count == other.Cooldowns.Count
        && Cooldowns.All(c => other.Cooldowns.TryGetValue(c.Key, out var left) && left.Equals(c.Value));

    public override int GetHashCode() => HashCode.Combine(Health, Resource, Dead, RespawnSeconds, Cooldowns.Count);

    /// <summary>
    /// True when saving <paramref name="other"/> over this would change nothing a player notices: same health, whole
    /// resource and death, and neither has a cooldown running (running cooldowns count down, so they always differ).
    /// </summary>
    public bool SameAs(CharacterVitals? other) => other is not null && Health == other.Health && (int)Resource == (int)other.Resource
        && Dead == other.Dead && !Dead && Cooldowns.Count == 0 && other.Cooldowns.Count == 0;
}
