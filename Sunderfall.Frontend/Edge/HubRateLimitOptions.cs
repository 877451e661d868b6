using System.ComponentModel.DataAnnotations;

namespace Sunderfall.Frontend.Edge;

/// <summary>Token buckets on hub calls, per connection and per account. Section "HubRateLimit".</summary>
public sealed class HubRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "HubRateLimit";

    /// <summary>Calls a connection may make in a burst.</summary>
    [Range(1, 10_000)]
    public int ConnectionBurst { get; set; } = 40;

    /// <summary>Calls per second a connection may sustain (movement needs ~5-10).</summary>
    [Range(1, 10_000)]
    public int ConnectionPerSecond { get; set; } = 20;

    /// <summary>Calls an account may make in a burst, over all its connections.</summary>
    [Range(1, 10_000)]
    public int AccountBurst { get; set; } = 60;

    /// <summary>Calls per second an account may sustain, over all its connections.</summary>
    [Range(1, 10_000)]
    public int AccountPerSecond { get; set; } = 30;

    /// <summary>Refused calls within <see cref="AbuseWindow"/> after which the connection is closed.</summary>
    [Range(1, 100_000)]
    public int AbuseThreshold { get; set; } = 200;

    /// <summary>
    /// Refused calls of one account within <see cref="AbuseWindow"/> that raise a "hub_rate_limited" cheat flag (sending
    /// faster than the limits for seconds on end, e.g. a move flood faster than the zone tick), before any closing.
    /// </summary>
    [Range(1, 100_000)]
    public int FlagThreshold { get; set; } = 50;

    /// <summary>The window over which refused calls are counted.</summary>
    public TimeSpan AbuseWindow { get; set; } = TimeSpan.FromSeconds(10);
}
