namespace Sunderfall.Grains.Faults;

/// <summary>The crash points on the way from a kill to a reward in the player's saved state.</summary>
public static class CrashPoint
{
    /// <summary>The zone has ended an encounter with kills and not yet handed it to the encounter grain.</summary>
    public const string EncounterEnded = "encounter-ended";

    /// <summary>The encounter and its grants are committed; neither the zone nor the players have been told.</summary>
    public const string GrantCommitted = "grant-committed";

    /// <summary>The player grain applied a grant in memory and has not written its state.</summary>
    public const string BeforePlayerWrite = "before-player-write";

    /// <summary>The player grain wrote the grant into its state and has not marked it delivered in the ledger.</summary>
    public const string AfterPlayerWrite = "after-player-write";

    public static IReadOnlyList<string> All { get; } = [EncounterEnded, GrantCommitted, BeforePlayerWrite, AfterPlayerWrite];
}
