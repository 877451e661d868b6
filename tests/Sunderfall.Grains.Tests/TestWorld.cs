using Sunderfall.Grains.Interfaces.Common;
using Sunderfall.Grains.Interfaces.Zones;
using Sunderfall.Grains.World;

namespace Sunderfall.Grains.Tests;

/// <summary>
/// The world the test silos run: the repository's content (content/zones) with a fixed tick and a brisk walking speed,
/// named here so tests can reason about spawn points, portals and distances.
/// </summary>
public static class TestWorld
{
    /// <summary>New characters start in Ashen Vale (1000 x 1000 units) at its spawn point.</summary>
    public const string StartZone = "ashen-vale";

    /// <summary>Every test's players share this instance: tests filter batches by their own player or net id.</summary>
    public static readonly string StartInstance = ZoneInstances.Key(StartZone, 1);

    public static readonly WorldPosition Spawn = new(500f, 500f);

    /// <summary>Ashen Vale's east portal (radius 6), leading to <see cref="MirefenArrival"/>.</summary>
    public static readonly WorldPosition ToMirefenPortal = new(900f, 500f);

    /// <summary>Where players coming back from Mirefen land: 20 units west of <see cref="ToMirefenPortal"/>.</summary>
    public static readonly WorldPosition BesideToMirefenPortal = new(880f, 500f);

    public const string Mirefen = "mirefen";

    public static readonly string MirefenInstance = ZoneInstances.Key(Mirefen, 1);

    public static readonly WorldPosition MirefenArrival = new(60f, 300f);

    /// <summary>Units per second: one unit per tick, so a walk of a few units shows within a second.</summary>
    public const float PlayerSpeed = 20f;

    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest any test waits for something asynchronous to show up.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static void Configure(WorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.StartZone = StartZone;
        options.PlayerSpeed = PlayerSpeed;
        options.TickInterval = TickInterval;
        options.CheckpointInterval = CheckpointInterval;
        options.LogoutDelay = LogoutDelay;
    }

    /// <summary>Short, so a body left in the world by a player leaving in combat is gone within a test's patience.</summary>
    public static readonly TimeSpan LogoutDelay = TimeSpan.FromSeconds(1);

    /// <summary>Short, so checkpoint tests see every slice within their patience.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(400);

    /// <summary>A valid character name that no other test uses (letters and hex digits, 12 characters).</summary>
    public static string UniqueName() => "Hero" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The account that owns the characters these tests create.</summary>
    public static readonly Guid Owner = Guid.Parse("5f0c2a9e-0000-4000-8000-00000000a11c");
}
