namespace Sunderfall.Silo.Rewards;

/// <summary>How the silo re-delivers reward grants that were committed but not applied. Section "Rewards".</summary>
public sealed class RewardOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Rewards";

    /// <summary>How often each silo looks for undelivered grants (0.1 s to 10 min).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a grant may stay undelivered before the sweeper nudges its player (0 to 1 h). Normal delivery follows
    /// the commit within moments, so this only catches grants whose delivery was lost (a crash, a silo going away).
    /// </summary>
    public TimeSpan UndeliveredAfter { get; set; } = TimeSpan.FromSeconds(5);
}
