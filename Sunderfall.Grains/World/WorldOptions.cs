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

    /// <summary>Zone width in units; positions run from 0 to this.</summary>
    [Range(10, 100_000)]
    public float ZoneWidth { get; set; } = 1000f;

    /// <summary>Zone height in units; positions run from 0 to this.</summary>
    [Range(10, 100_000)]
    public float ZoneHeight { get; set; } = 1000f;

    /// <summary>Where new characters appear.</summary>
    [Range(0, 100_000)]
    public float SpawnX { get; set; } = 500f;

    /// <summary>Where new characters appear.</summary>
    [Range(0, 100_000)]
    public float SpawnY { get; set; } = 500f;

    /// <summary>Top movement speed, units per second.</summary>
    [Range(0.1, 1000)]
    public float MaxSpeed { get; set; } = 10f;

    /// <summary>Extra distance allowed on any move, for network jitter, in units.</summary>
    [Range(0, 100)]
    public float MoveSlack { get; set; } = 1f;

    /// <summary>How often a zone sends its batch of changes to the frontends.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often a zone saves moved players' positions to their player grains.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A frontend that has not renewed its subscription for this long is dropped with its players.</summary>
    public TimeSpan FrontendLease { get; set; } = TimeSpan.FromSeconds(30);
}
