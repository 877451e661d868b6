using Sunderfall.Grains.World;

namespace Sunderfall.Grains.Tests;

/// <summary>The world rules the test silos run with, so tests can reason about spawn points and speed limits.</summary>
public static class TestWorld
{
    public const string StartZone = "test-vale";
    public const float ZoneWidth = 1000f;
    public const float ZoneHeight = 800f;
    public const float SpawnX = 500f;
    public const float SpawnY = 400f;
    public const float MaxSpeed = 10f;
    public const float MoveSlack = 1f;

    /// <summary>The longest any test waits for something asynchronous to show up.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static void Configure(WorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.StartZone = StartZone;
        options.ZoneWidth = ZoneWidth;
        options.ZoneHeight = ZoneHeight;
        options.SpawnX = SpawnX;
        options.SpawnY = SpawnY;
        options.MaxSpeed = MaxSpeed;
        options.MoveSlack = MoveSlack;
    }

    /// <summary>A valid character name that no other test uses (letters and hex digits, 12 characters).</summary>
    public static string UniqueName() => "Hero" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A zone id that no other test uses.</summary>
    public static string UniqueZoneId() => "zone-" + Guid.NewGuid().ToString("N")[..12];
}
