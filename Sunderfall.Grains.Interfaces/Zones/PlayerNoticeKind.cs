namespace Sunderfall.Grains.Interfaces.Zones;

/// <summary>What a <see cref="PlayerNotice"/> tells a frontend about one of its players.</summary>
public enum PlayerNoticeKind
{
    /// <summary>The player is now in this zone instance (entered the world or arrived through a portal).</summary>
    Arrived = 1,
    /// <summary>The player left this zone instance through a portal; it will arrive elsewhere.</summary>
    Departed = 2,
    /// <summary>An input was refused or the movement was clipped (e.g. by a wall); the position is authoritative.</summary>
    Correction = 3,
    /// <summary>The player's own health, resource, death or cast changed: see <see cref="PlayerNotice.Vitals"/>.</summary>
    Vitals = 4,
    /// <summary>
    /// An ability use accepted earlier did not land when it resolved (its target died or walked out of range, or the
    /// caster did); <see cref="PlayerNotice.Error"/> says why. Nothing was paid.
    /// </summary>
    AbilityFizzled = 5,
}
