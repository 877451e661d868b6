using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Grains.World;

/// <summary>Rules of the world that the grains enforce. Bound from the "World" configuration section.</summary>
public sealed class WorldOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "World";

    /// <summary>The zone new characters start in.</summary>
    [Required, RegularExpression("^[a-z0-9-]{1,32}$", ErrorMessage = "World:StartZone must be 1-32 characters of a-z, 0-9 or '-'.")]
    public string StartZone { get; set; } = "ashen-vale";

    /// <summary>Player walking speed, units per second.</summary>
    [Range(0.1, 1000)]
    public float PlayerSpeed { get; set; } = 5f;

    /// <summary>Most channels (instances) one zone template may open; beyond, channels fill over their cap.</summary>
    [Range(1, 1000)]
    public int MaxChannelsPerZone { get; set; } = 8;

    /// <summary>
    /// The zone tick: inputs are applied, monsters think and one batch goes to each frontend. 30 a second by default:
    /// an input waits for the next tick, so the tick sets the floor of a player's input-to-result latency (half a tick
    /// on average). Clients learn it on entering a zone (ZoneEntered.TickMilliseconds); keep the frontends'
    /// Frontend:WorldUpdateEveryTicks in step when changing it.
    /// </summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 30);

    /// <summary>
    /// How often a zone saves each moved player's position to its player grain (and so to PostgreSQL), in eight
    /// staggered slices. A silo crash loses at most this much of a player's walking; leaving, portals, items, gold and
    /// experience are saved when they happen.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the body of a player who leaves or drops while in combat stays in the world, still hittable, before it
    /// is taken out and saved; entering again meanwhile takes the body back. Zero lets everyone leave at once.
    /// </summary>
    public TimeSpan LogoutDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A frontend that has not renewed its subscription for this long is dropped with its players.</summary>
    public TimeSpan FrontendLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Slots in a character's bag; items beyond wait in the character's overflow.</summary>
    [Range(1, 200)]
    public int BagCapacity { get; set; } = 24;
}
